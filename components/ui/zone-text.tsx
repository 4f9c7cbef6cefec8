/** An IANA zone that may break after its "/" ("America/ Los_Angeles"), so narrow table columns wrap instead of cutting. */
export function ZoneText({ zone, className = 'text-xs' }: { zone: string; className?: string }) {
  const [area, ...rest] = zone.split('/');
  return (
    <span className={`block whitespace-normal ${className}`} title={zone}>
      {rest.length ? (
        <>
          {area}/<wbr />
          {rest.join('/')}
        </>
      ) : (
        zone
      )}
    </span>
  );
}
