-- The distro key an asset's packages are matched under, in the form advisory transforms emit
-- ('Debian:12', 'Ubuntu:22.04', 'AlmaLinux:9', 'RHEL:9', 'Rocky:8', 'Alpine:3.11', 'SUSE:15.5').
-- Mirrors lib/domain/distro.ts (a test keeps the two equal). Debian and EL distros advise per major
-- release; Ubuntu and Alpine per major.minor.
CREATE OR REPLACE FUNCTION pw_distro(family os_family, release text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE family
    WHEN 'debian' THEN 'Debian:' || split_part(release, '.', 1)
    WHEN 'ubuntu' THEN 'Ubuntu:' || split_part(release, '.', 1) || '.' || coalesce(nullif(split_part(release, '.', 2), ''), '04')
    WHEN 'almalinux' THEN 'AlmaLinux:' || split_part(release, '.', 1)
    WHEN 'rocky' THEN 'Rocky:' || split_part(release, '.', 1)
    WHEN 'rhel' THEN 'RHEL:' || split_part(release, '.', 1)
    WHEN 'alpine' THEN 'Alpine:' || split_part(release, '.', 1) || '.' || coalesce(nullif(split_part(release, '.', 2), ''), '0')
    WHEN 'suse' THEN 'SUSE:' || release
    ELSE NULL
  END
$$;
