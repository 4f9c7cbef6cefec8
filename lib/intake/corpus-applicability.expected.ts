/**
 * Applicability of the real corpus advisories to the real corpus inventories, worked out by hand from
 * the files (not from our code's output). Used by corpus-applicability.int.test.ts.
 *
 * Method: installed versions were read with grep from the listings; rpm EVRs were compared by rpm's
 * rules (epoch, then version, then release; alphanumeric segments, numbers compared as numbers, a
 * longer release with an equal prefix is newer). `rpm -qa` prints no epoch, so an installed package
 * is compared with the fix's version-release only (its epoch is the package's own, which the fix
 * carries unchanged). Debian versions were compared with `dpkg --compare-versions A lt B` on a
 * Debian machine, at the source package and source version. npm ranges follow OSV: `introduced`
 * inclusive, `fixed` exclusive, `last_affected` inclusive, semver order.
 */

export type TExpectedState = 'missing' | 'installed';

/** inventories/almalinux-9.2-rpm-qa.txt (asset almalinux 9.2) × osv/almalinux/*.json. */
export const ALMA_EXPECTED: Record<string, TExpectedState> = {
  // --- at or above the fix ---
  'ALSA-2022:4940': 'installed', // xz, xz-devel, xz-libs 5.2.5-8.el9_0 = fix 5.2.5-8.el9_0 (xz-lzma-compat not installed)
  'ALSA-2022:6157': 'installed', // curl, libcurl 7.76.1-23.el9 > 7.76.1-14.el9_0.5 (release 23 > 14)
  'ALSA-2022:6224': 'installed', // openssl{,-devel,-libs} 3.0.7-6.el9_2 > 1:3.0.1-41.el9_0 (no epoch installed: version 3.0.7 > 3.0.1)
  'ALSA-2023:0282': 'installed', // sudo 1.9.5p2-9.el9 > 1.9.5p2-7.el9_1.1 (release 9 > 7)
  'ALSA-2023:0336': 'installed', // systemd, -libs, -pam, -udev, -rpm-macros (noarch) 252-13.el9_2 > 250-12.el9_1.1 (252 > 250)
  'ALSA-2023:0340': 'installed', // bash 5.1.8-6.el9_1 = fix 5.1.8-6.el9_1
  'ALSA-2023:0959': 'installed', // tar 1.34-6.el9_1 vs 2:1.34-6.el9_1: no epoch installed, version-release equal → at the fix
  'ALSA-2023:2523': 'installed', // openssl{,-devel,-libs} 3.0.7-6.el9_2 vs 1:3.0.7-6.el9_2: no epoch installed, version-release equal
  // --- below the fix ---
  'ALSA-2023:2645': 'missing', // openssh{,-clients,-server} 8.7p1-28.el9 < 8.7p1-29.el9_2 (release 28 < 29)
  'ALSA-2023:2650': 'missing', // curl, libcurl 7.76.1-23.el9 < 7.76.1-23.el9_2.1 (23.el9 is a prefix of 23.el9_2.1: the longer is newer)
  'ALSA-2023:5200': 'missing', // firefox 102.10.0-1.el9_1.alma < 102.15.1-1.el9_2.alma (10 < 15); firefox-x11 not installed
  'ALSA-2023:6632': 'missing', // shadow-utils{,-subid} 4.9-6.el9 < 2:4.9-8.el9 (no epoch installed; release 6 < 8)
  'ALSA-2024:0310': 'missing', // openssl{,-devel,-libs} 3.0.7-6.el9_2 < 1:3.0.7-25.el9_3 (no epoch installed; release 6 < 25)
  'ALSA-2024:2211': 'missing', // tcpdump 4.99.0-6.el9 < 14:4.99.0-9.el9 (no epoch installed; release 6 < 9)
  'ALSA-2024:2438': 'missing', // pam 1.5.1-14.el9 < 1.5.1-19.el9
  'ALSA-2024:2504': 'missing', // libssh 0.10.4-8.el9, libssh-config (noarch) 0.10.4-8.el9 < 0.10.4-13.el9 (8 < 13 as numbers)
  'ALSA-2024:2570': 'missing', // gnutls 3.7.6-20.el9_2 < 3.8.3-4.el9_4 (3.7 < 3.8)
  'ALSA-2024:2679': 'missing', // libxml2, python3-libxml2 2.9.13-3.el9_1 < 2.9.13-6.el9_4
  'ALSA-2024:3501': 'missing', // libnghttp2 1.43.0-5.el9 < 1.43.0-5.el9_4.3 (5.el9 is a prefix of 5.el9_4.3)
  'ALSA-2024:3513': 'missing', // less 590-1.el9_0 < 590-4.el9_4
  'ALSA-2024:4083': 'missing', // git, git-core, git-core-doc, perl-Git 2.39.1-1.el9 < 2.43.5-1.el9_4
  'ALSA-2024:6162': 'missing', // python3-urllib3 1.26.5-3.el9 < 1.26.5-5.el9_4.1
  'ALSA-2024:6192': 'missing', // wget 1.21.1-7.el9 < 1.21.1-8.el9_4
  'ALSA-2024:6464': 'missing', // glib2 2.68.4-6.el9 < 2.68.4-14.el9_4.1 (6 < 14 as numbers, not as text)
  'ALSA-2024:8914': 'missing', // libtiff 4.4.0-7.el9 < 4.4.0-12.el9_4.1 (7 < 12 as numbers)
  'ALSA-2024:9317': 'missing', // NetworkManager and 8 subpackages 1.42.2-1.el9 < 1:1.48.10-2.el9_5.alma.1 (1.42 < 1.48)
  'ALSA-2024:9541': 'missing', // expat 2.5.0-1.el9 < 2.5.0-3.el9_5.1
  'ALSA-2025:9978': 'missing', // sudo 1.9.5p2-9.el9 < 1.9.5p2-10.el9_6.1 (9 < 10 as numbers)
};

/**
 * No row for the AlmaLinux host. ALBA-2022:8256 (qatzip), ALSA-2023:0970 (httpd, mod_*) and
 * ALSA-2023:5711 (nginx) name no installed package. The AlmaLinux 8 and 10 records name packages
 * that ARE installed (sudo, python3-requests, glibc, openssl, openssh, curl, firefox,
 * python-unversioned-command): they must not match a 9 host.
 */
export const ALMA_NOT_AFFECTED = [
  'ALBA-2022:8256',
  'ALSA-2023:0970',
  'ALSA-2023:5711',
  'ALSA-2023:0284', // AlmaLinux:8 sudo
  'ALSA-2023:4520', // AlmaLinux:8 python3-requests
  'ALSA-2023:5455', // AlmaLinux:8 glibc
  'ALSA-2023:7877', // AlmaLinux:8 openssl
  'ALSA-2024:0606', // AlmaLinux:8 openssh
  'ALSA-2024:1601', // AlmaLinux:8 curl
  'ALSA-2025:10073', // AlmaLinux:10 firefox
  'ALSA-2025:10140', // AlmaLinux:10 python-unversioned-command
];

/** The vulnerable packages of some AlmaLinux advisories: [name, installed, fixed as the advisory writes it]. */
export const ALMA_PACKAGES: Record<string, [string, string, string][]> = {
  'ALSA-2024:0310': [
    ['openssl', '3.0.7-6.el9_2', '1:3.0.7-25.el9_3'],
    ['openssl-devel', '3.0.7-6.el9_2', '1:3.0.7-25.el9_3'],
    ['openssl-libs', '3.0.7-6.el9_2', '1:3.0.7-25.el9_3'],
  ],
  'ALSA-2023:2650': [
    ['curl', '7.76.1-23.el9', '7.76.1-23.el9_2.1'],
    ['libcurl', '7.76.1-23.el9', '7.76.1-23.el9_2.1'],
  ],
  'ALSA-2023:6632': [
    ['shadow-utils', '4.9-6.el9', '2:4.9-8.el9'],
    ['shadow-utils-subid', '4.9-6.el9', '2:4.9-8.el9'],
  ],
  'ALSA-2024:2504': [
    ['libssh', '0.10.4-8.el9', '0.10.4-13.el9'],
    ['libssh-config', '0.10.4-8.el9', '0.10.4-13.el9'],
  ],
  'ALSA-2024:9317': [
    'NetworkManager',
    'NetworkManager-adsl',
    'NetworkManager-bluetooth',
    'NetworkManager-config-server',
    'NetworkManager-libnm',
    'NetworkManager-team',
    'NetworkManager-tui',
    'NetworkManager-wifi',
    'NetworkManager-wwan',
  ].map((n) => [n, '1.42.2-1.el9', '1:1.48.10-2.el9_5.alma.1']),
};

/**
 * inventories/debian-12-dpkg-query-W-source.tsv (asset debian 12) × the Debian data of the corpus.
 * The only bookworm entries anywhere are chromium CVE-2022-0456 and sope CVE-2025-53603 (tracker
 * JSON excerpt) and DSA-5970-1 sope (DSA list excerpt); sope is not installed.
 * `dpkg --compare-versions 156.0.8078.79-1~deb12u1 lt 98.0.4758.80-1` → false.
 */
export const DEBIAN12_EXPECTED: Record<string, TExpectedState> = {
  'DEBIAN-CVE-2022-0456': 'installed', // chromium, chromium-common (source chromium 156.0.8078.79-1~deb12u1) ≥ 98.0.4758.80-1
};

/**
 * No row for the Debian 12 host, by name. DSA-3029-1 is Debian:7 (nginx, also not installed); the
 * 2022–2023 DSA list has only bullseye/buster lines and the DLA list only buster/stretch lines —
 * although many of their source packages (openssl, curl, linux, git, chromium …) are installed.
 */
export const DEBIAN12_NOT_AFFECTED = ['DSA-3029-1', 'DEBIAN-CVE-2025-53603', 'DSA-5970-1', 'DSA-5343-1', 'DSA-5365-1', 'DLA-3325-1'];

/**
 * Control: the same listing registered as Debian 11, so the bullseye lines of
 * debian/DSA-list.2022-01_2023-03.txt apply. Every advisory with a [bullseye] line naming an installed
 * source package: [advisory, source, installed source version, bullseye fix]. Each row was checked
 * with `dpkg --compare-versions <installed> lt <fix>` → false, so all are 'installed'. Plus the
 * tracker's chromium CVE-2022-0456 (bullseye fix 98.0.4758.80-1~deb11u1, also not lt).
 */
export const DEBIAN11_DSA_ROWS: [string, string, string, string][] = [
  ['DSA-5046-1', 'chromium', '156.0.8078.79-1~deb12u1', '97.0.4692.71-0.1~deb11u1'],
  ['DSA-5050-1', 'linux', '6.1.187-1', '5.10.92-1'],
  ['DSA-5054-1', 'chromium', '156.0.8078.79-1~deb12u1', '97.0.4692.99-1~deb11u2'],
  ['DSA-5055-1', 'util-linux', '2.38.1-5+deb12u3', '2.36.1-8+deb11u1'],
  ['DSA-5058-1', 'openjdk-17', '17.0.15+6-1~deb12u1', '17.0.2+8-1~deb11u1'],
  ['DSA-5059-1', 'policykit-1', '122-3', '0.105-31+deb11u1'],
  ['DSA-5062-1', 'nss', '2:3.87.1-1+deb12u2', '2:3.61-1+deb11u2'],
  ['DSA-5068-1', 'chromium', '156.0.8078.79-1~deb12u1', '98.0.4758.80-1~deb11u1'],
  ['DSA-5070-1', 'cryptsetup', '2:2.6.1-4~deb12u2', '2:2.3.7-1+deb11u1'],
  ['DSA-5071-1', 'samba', '2:4.17.12+dfsg-0+deb12u4', '2:4.13.13+dfsg-1~deb11u3'],
  ['DSA-5073-1', 'expat', '2.5.0-1+deb12u1', '2.2.10-2+deb11u1'],
  ['DSA-5079-1', 'chromium', '156.0.8078.79-1~deb12u1', '98.0.4758.102-1~deb11u1'],
  ['DSA-5085-1', 'expat', '2.5.0-1+deb12u1', '2.2.10-2+deb11u2'],
  ['DSA-5085-2', 'expat', '2.5.0-1+deb12u1', '2.2.10-2+deb11u3'],
  ['DSA-5087-1', 'cyrus-sasl2', '2.1.28+dfsg-10', '2.1.27+dfsg-2.1+deb11u1'],
  ['DSA-5089-1', 'chromium', '156.0.8078.79-1~deb12u1', '99.0.4844.51-1~deb11u1'],
  ['DSA-5092-1', 'linux', '6.1.187-1', '5.10.92-2'],
  ['DSA-5095-1', 'linux', '6.1.187-1', '5.10.103-1'],
  ['DSA-5103-1', 'openssl', '3.0.19-1~deb12u2', '1.1.1k-1+deb11u2'],
  ['DSA-5104-1', 'chromium', '156.0.8078.79-1~deb12u1', '99.0.4844.74-1~deb11u1'],
  ['DSA-5108-1', 'tiff', '4.5.0-6+deb12u2', '4.2.0-1+deb11u1'],
  ['DSA-5110-1', 'chromium', '156.0.8078.79-1~deb12u1', '99.0.4844.84-1~deb11u1'],
  ['DSA-5111-1', 'zlib', '1:1.2.13.dfsg-1', '1:1.2.11.dfsg-2+deb11u1'],
  ['DSA-5112-1', 'chromium', '156.0.8078.79-1~deb12u1', '100.0.4896.60-1~deb11u1'],
  ['DSA-5114-1', 'chromium', '156.0.8078.79-1~deb12u1', '100.0.4896.75-1~deb11u1'],
  ['DSA-5120-1', 'chromium', '156.0.8078.79-1~deb12u1', '100.0.4896.88-1~deb11u1'],
  ['DSA-5121-1', 'chromium', '156.0.8078.79-1~deb12u1', '100.0.4896.127-1~deb11u1'],
  ['DSA-5122-1', 'gzip', '1.12-1', '1.10-4+deb11u1'],
  ['DSA-5123-1', 'xz-utils', '5.4.1-1', '5.2.5-2.1~deb11u1'],
  ['DSA-5125-1', 'chromium', '156.0.8078.79-1~deb12u1', '101.0.4951.41-1~deb11u1'],
  ['DSA-5127-1', 'linux', '6.1.187-1', '5.10.113-1'],
  ['DSA-5128-1', 'openjdk-17', '17.0.15+6-1~deb12u1', '17.0.3+7-1~deb11u1'],
  ['DSA-5134-1', 'chromium', '156.0.8078.79-1~deb12u1', '101.0.4951.64-1~deb11u1'],
  ['DSA-5139-1', 'openssl', '3.0.19-1~deb12u2', '1.1.1n-0+deb11u2'],
  ['DSA-5140-1', 'openldap', '2.5.13+dfsg-5', '2.4.57+dfsg-3+deb11u1'],
  ['DSA-5142-1', 'libxml2', '2.9.14+dfsg-1.3~deb12u5', '2.9.10+dfsg-6.7+deb11u2'],
  ['DSA-5147-1', 'dpkg', '1.21.22', '1.20.10'],
  ['DSA-5148-1', 'chromium', '156.0.8078.79-1~deb12u1', '102.0.5005.61-1~deb11u1'],
  ['DSA-5149-1', 'cups', '2.4.2-3+deb12u8', '2.3.3op2-3+deb11u2'],
  ['DSA-5161-1', 'linux', '6.1.187-1', '5.10.120-1'],
  ['DSA-5163-1', 'chromium', '156.0.8078.79-1~deb12u1', '102.0.5005.115-1~deb11u1'],
  ['DSA-5168-1', 'chromium', '156.0.8078.79-1~deb12u1', '103.0.5060.53-1~deb11u1'],
  ['DSA-5169-1', 'openssl', '3.0.19-1~deb12u2', '1.1.1n-0+deb11u3'],
  ['DSA-5170-1', 'nodejs', '20.20.2-1nodesource1+repack1', '12.22.12~dfsg-1~deb11u1'],
  ['DSA-5174-1', 'gnupg2', '2.2.40-1.1+deb12u2', '2.2.27-2+deb11u2'],
  ['DSA-5180-1', 'chromium', '156.0.8078.79-1~deb12u1', '103.0.5060.114-1~deb11u1'],
  ['DSA-5187-1', 'chromium', '156.0.8078.79-1~deb12u1', '103.0.5060.134-1~deb11u1'],
  ['DSA-5191-1', 'linux', '6.1.187-1', '5.10.127-2'],
  ['DSA-5192-1', 'openjdk-17', '17.0.15+6-1~deb12u1', '17.0.4+8-1~deb11u1'],
  ['DSA-5197-1', 'curl', '7.88.1-10+deb12u14', '7.74.0-1.3+deb11u2'],
  ['DSA-5200-1', 'libtirpc', '1.3.3+ds-1', '1.3.1-1+deb11u1'],
  ['DSA-5201-1', 'chromium', '156.0.8078.79-1~deb12u1', '104.0.5112.79-1~deb11u1'],
  ['DSA-5202-1', 'unzip', '6.0-28', '6.0-26+deb11u1'],
  ['DSA-5203-1', 'gnutls28', '3.7.9-2+deb12u6', '3.7.1-5+deb11u2'],
  ['DSA-5205-1', 'samba', '2:4.17.12+dfsg-0+deb12u4', '2:4.13.13+dfsg-1~deb11u5'],
  ['DSA-5207-1', 'linux', '6.1.187-1', '5.10.136-1'],
  ['DSA-5212-1', 'chromium', '156.0.8078.79-1~deb12u1', '104.0.5112.101-1~deb11u1'],
  ['DSA-5216-1', 'libxslt', '1.1.35-1+deb12u3', '1.1.34-4+deb11u1'],
  ['DSA-5218-1', 'zlib', '1:1.2.13.dfsg-1', '1:1.2.11.dfsg-2+deb11u2'],
  ['DSA-5223-1', 'chromium', '156.0.8078.79-1~deb12u1', '105.0.5195.52-1~deb11u1'],
  ['DSA-5225-1', 'chromium', '156.0.8078.79-1~deb12u1', '105.0.5195.102-1~deb11u1'],
  ['DSA-5228-1', 'gdk-pixbuf', '2.42.10+dfsg-1+deb12u4', '2.42.2+dfsg-1+deb11u1'],
  ['DSA-5230-1', 'chromium', '156.0.8078.79-1~deb12u1', '105.0.5195.125-1~deb11u1'],
  ['DSA-5236-1', 'expat', '2.5.0-1+deb12u1', '2.2.10-2+deb11u4'],
  ['DSA-5242-1', 'maven-shared-utils', '3.3.4-1', '3.3.0-1+deb11u1'],
  ['DSA-5244-1', 'chromium', '156.0.8078.79-1~deb12u1', '106.0.5249.61-1~deb11u1'],
  ['DSA-5245-1', 'chromium', '156.0.8078.79-1~deb12u1', '106.0.5249.91-1~deb11u1'],
  ['DSA-5250-1', 'dbus', '1.14.10-1~deb12u1', '1.12.24-0+deb11u1'],
  ['DSA-5253-1', 'chromium', '156.0.8078.79-1~deb12u1', '106.0.5249.119-1~deb11u1'],
  ['DSA-5255-1', 'libksba', '1.6.3-2', '1.5.0-3+deb11u1'],
  ['DSA-5257-1', 'linux', '6.1.187-1', '5.10.149-1'],
  ['DSA-5257-2', 'linux', '6.1.187-1', '5.10.149-2'],
  ['DSA-5261-1', 'chromium', '156.0.8078.79-1~deb12u1', '107.0.5304.68-1~deb11u1'],
  ['DSA-5263-1', 'chromium', '156.0.8078.79-1~deb12u1', '107.0.5304.87-1~deb11u1'],
  ['DSA-5266-1', 'expat', '2.5.0-1+deb12u1', '2.2.10-2+deb11u5'],
  ['DSA-5271-1', 'libxml2', '2.9.14+dfsg-1.3~deb12u5', '2.9.10+dfsg-6.7+deb11u3'],
  ['DSA-5275-1', 'chromium', '156.0.8078.79-1~deb12u1', '107.0.5304.110-1~deb11u1'],
  ['DSA-5276-1', 'pixman', '0.42.2-1', '0.40.0-1.1~deb11u1'],
  ['DSA-5286-1', 'krb5', '1.20.1-2+deb12u3', '1.18.3-6+deb11u3'],
  ['DSA-5289-1', 'chromium', '156.0.8078.79-1~deb12u1', '107.0.5304.121-1~deb11u1'],
  ['DSA-5293-1', 'chromium', '156.0.8078.79-1~deb12u1', '108.0.5359.71-2~deb11u1'],
  ['DSA-5295-1', 'chromium', '156.0.8078.79-1~deb12u1', '108.0.5359.94-1~deb11u1'],
  ['DSA-5302-1', 'chromium', '156.0.8078.79-1~deb12u1', '108.0.5359.124-1~deb11u1'],
  ['DSA-5305-1', 'libksba', '1.6.3-2', '1.5.0-3+deb11u2'],
  ['DSA-5317-1', 'chromium', '156.0.8078.79-1~deb12u1', '109.0.5414.74-2~deb11u1'],
  ['DSA-5324-1', 'linux', '6.1.187-1', '5.10.162-1'],
  ['DSA-5326-1', 'nodejs', '20.20.2-1nodesource1+repack1', '12.22.12~dfsg-1~deb11u3'],
  ['DSA-5328-1', 'chromium', '156.0.8078.79-1~deb12u1', '109.0.5414.119-1~deb11u1'],
  ['DSA-5330-1', 'curl', '7.88.1-10+deb12u14', '7.74.0-1.3+deb11u5'],
  ['DSA-5332-1', 'git', '1:2.39.5-0+deb12u3', '1:2.30.2-1+deb11u1'],
  ['DSA-5333-1', 'tiff', '4.5.0-6+deb12u2', '4.2.0-1+deb11u3'],
  ['DSA-5335-1', 'openjdk-17', '17.0.15+6-1~deb12u1', '17.0.6+10-1~deb11u1'],
  ['DSA-5343-1', 'openssl', '3.0.19-1~deb12u2', '1.1.1n-0+deb11u4'],
  ['DSA-5345-1', 'chromium', '156.0.8078.79-1~deb12u1', '110.0.5481.77-1~deb11u1'],
  ['DSA-5346-1', 'libde265', '1.0.11-1+deb12u2', '1.0.11-0+deb11u1'],
  ['DSA-5349-1', 'gnutls28', '3.7.9-2+deb12u6', '3.7.1-5+deb11u3'],
  ['DSA-5353-1', 'nss', '2:3.87.1-1+deb12u2', '2:3.61-1+deb11u3'],
  ['DSA-5357-1', 'git', '1:2.39.5-0+deb12u3', '1:2.30.2-1+deb11u2'],
  ['DSA-5359-1', 'chromium', '156.0.8078.79-1~deb12u1', '110.0.5481.177-1~deb11u1'],
  ['DSA-5361-1', 'tiff', '4.5.0-6+deb12u2', '4.2.0-1+deb11u4'],
  ['DSA-5365-1', 'curl', '7.88.1-10+deb12u14', '7.74.0-1.3+deb11u7'],
  ['DSA-5371-1', 'chromium', '156.0.8078.79-1~deb12u1', '111.0.5563.64-1~deb11u1'],
  ['DSA-5377-1', 'chromium', '156.0.8078.79-1~deb12u1', '111.0.5563.110-1~deb11u1'],
];

/**
 * Control: the same listing registered as Debian 10. The tracker's chromium CVE-2022-0456 is `open`
 * for buster (affected, no fix yet), so the installed chromium is missing it whatever its version.
 * The other tracker CVEs name prototypejs, txt2man, backupninja and sope: not installed.
 */
export const DEBIAN10_TRACKER_EXPECTED: Record<string, TExpectedState> = {
  'DEBIAN-CVE-2022-0456': 'missing', // buster: status open, no fixed_version → every installed chromium is affected
};

/**
 * Debian 10 control, DSA/DLA lists: every advisory with a [buster] line naming an installed source
 * package (21 DSA, 59 DLA). Each checked with `dpkg --compare-versions <installed> lt <fix>` → false
 * (e.g. DLA-3325-1 openssl 3.0.19-1~deb12u2 vs 1.1.1n-0+deb10u4, DLA-3377-1 systemd 252.39-1~deb12u2
 * vs 241-7~deb10u9, DLA-3204-1 vim 2:9.0.1378-2+deb12u2 vs 2:8.1.0875-5+deb10u4), so all 'installed'.
 */
export const DEBIAN10_LIST_INSTALLED = [
  'DLA-3070-1',
  'DLA-3071-1',
  'DLA-3085-1',
  'DLA-3086-1',
  'DLA-3094-1',
  'DLA-3101-1',
  'DLA-3103-1',
  'DLA-3107-1',
  'DLA-3110-1',
  'DLA-3112-1',
  'DLA-3118-1',
  'DLA-3119-1',
  'DLA-3126-1',
  'DLA-3127-1',
  'DLA-3131-1',
  'DLA-3134-1',
  'DLA-3137-1',
  'DLA-3142-1',
  'DLA-3145-1',
  'DLA-3152-1',
  'DLA-3153-1',
  'DLA-3161-1',
  'DLA-3165-1',
  'DLA-3167-1',
  'DLA-3171-1',
  'DLA-3172-1',
  'DLA-3179-1',
  'DLA-3182-1',
  'DLA-3202-1',
  'DLA-3204-1',
  'DLA-3213-1',
  'DLA-3223-1',
  'DLA-3239-1',
  'DLA-3239-2',
  'DLA-3240-1',
  'DLA-3245-1',
  'DLA-3248-1',
  'DLA-3263-1',
  'DLA-3278-1',
  'DLA-3280-1',
  'DLA-3282-1',
  'DLA-3288-1',
  'DLA-3294-1',
  'DLA-3297-1',
  'DLA-3321-1',
  'DLA-3325-1',
  'DLA-3327-1',
  'DLA-3331-1',
  'DLA-3331-2',
  'DLA-3333-1',
  'DLA-3338-1',
  'DLA-3341-1',
  'DLA-3344-1',
  'DLA-3352-1',
  'DLA-3363-1',
  'DLA-3366-1',
  'DLA-3371-1',
  'DLA-3377-1',
  'DLA-3378-1',
  'DSA-5059-1',
  'DSA-5062-1',
  'DSA-5071-1',
  'DSA-5073-1',
  'DSA-5085-1',
  'DSA-5085-2',
  'DSA-5087-1',
  'DSA-5096-1',
  'DSA-5103-1',
  'DSA-5108-1',
  'DSA-5111-1',
  'DSA-5122-1',
  'DSA-5123-1',
  'DSA-5139-1',
  'DSA-5140-1',
  'DSA-5142-1',
  'DSA-5147-1',
  'DSA-5149-1',
  'DSA-5169-1',
  'DSA-5173-1',
  'DSA-5174-1',
];

/**
 * sbom/cyclonedx/juice-shop-11.1.2.bom.json (840 npm components) × osv/npm/*.json and osv/ghsa/*.json.
 * Value: the vulnerable installed versions. Every npm advisory hits at least one component, none
 * leaves only fixed versions, so all are missing.
 */
export const NPM_EXPECTED: Record<string, { state: TExpectedState; vulnerable: string[] }> = {
  'GHSA-35jh-r3h4-6jhm': { state: 'missing', vulnerable: ['lodash@2.4.2', 'lodash@4.17.19'] }, // both < 4.17.21; lodash-es absent
  'GHSA-3h5v-q93c-6h6q': { state: 'missing', vulnerable: ['ws@6.1.4', 'ws@7.3.1'] }, // 6.1.4 ∈ [6.0.0, 6.2.3), 7.3.1 ∈ [7.0.0, 7.5.10)
  'GHSA-8hfj-j24r-96c4': { state: 'missing', vulnerable: ['moment@2.0.0', 'moment@2.27.0'] }, // < 2.29.2; the NuGet entry is another ecosystem
  'GHSA-9c47-m6qq-7p4h': { state: 'missing', vulnerable: ['json5@2.1.3'] }, // ∈ [2.0.0, 2.2.2)
  'GHSA-9wv6-86v2-598j': { state: 'missing', vulnerable: ['path-to-regexp@0.1.7'] }, // < 0.1.10 (7 < 10 as numbers)
  'GHSA-c2qf-rxjj-qqgw': { state: 'missing', vulnerable: ['semver@5.7.1', 'semver@6.3.0', 'semver@7.3.2'] }, // < 5.7.2, ∈ [6.0.0, 6.3.1), ∈ [7.0.0, 7.5.2)
  'GHSA-f8q6-p94x-37v3': { state: 'missing', vulnerable: ['minimatch@3.0.4'] }, // < 3.0.5
  'GHSA-grv7-fg5c-xmjg': { state: 'missing', vulnerable: ['braces@2.3.2'] }, // < 3.0.3
  'GHSA-hrpp-h998-j3pp': { state: 'missing', vulnerable: ['qs@6.5.2', 'qs@6.7.0'] }, // ∈ [6.5.0, 6.5.3); 6.7.0 ∈ [6.7.0, 6.7.3) (introduced is inclusive)
  'GHSA-p8p7-x288-28g6': { state: 'missing', vulnerable: ['request@2.88.2'] }, // ≤ last_affected 2.88.2 (inclusive, no fix); @cypress/request absent
  'GHSA-pxg6-pf52-xh8x': { state: 'missing', vulnerable: ['cookie@0.3.1', 'cookie@0.4.0'] }, // < 0.7.0
  'GHSA-qw6h-vgh9-j6wx': { state: 'missing', vulnerable: ['express@4.17.1'] }, // < 4.20.0
  'GHSA-xvch-5gv4-984h': { state: 'missing', vulnerable: ['minimist@0.2.1', 'minimist@1.2.5'] }, // < 0.2.4; ∈ [1.0.0, 1.2.6)
};

/** No row for the juice-shop image: @fastify/passport is not a component; the rest are other ecosystems. */
export const NPM_NOT_AFFECTED = [
  'GHSA-2ccf-ffrj-m4qw', // npm @fastify/passport: absent
  'GHSA-3cqw-pxgr-jhrm', // Packagist
  'GHSA-458h-wv48-fq75', // Maven
  'GHSA-45c4-8wx5-qw6w', // PyPI
  'GHSA-4h4p-553m-46qh', // Go
  'GHSA-69ch-w2m2-3vjp', // Go
  'GHSA-838r-hvwh-24h8', // Maven
  'GHSA-c25x-cm9x-qqgx', // crates.io
  'GHSA-cvw2-xj8r-mjf7', // RubyGems
  'GHSA-qq9f-q439-2574', // Maven
  'GHSA-rh58-r7jh-xhx3', // NuGet
];
