export * from './enums';
export * from './tenants';
export * from './users';
export * from './assets';
export * from './audit';
export * from './patches';
export * from './scheduling';
export * from './authorisation';
