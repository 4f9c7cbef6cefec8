DROP INDEX "installed_software_line";--> statement-breakpoint
CREATE INDEX "installed_software_line" ON "installed_software" USING btree ("line_id","asset_id","tenant_id");