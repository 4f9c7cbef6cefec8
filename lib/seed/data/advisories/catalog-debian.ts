import type { TDemoAdvisory } from './types';

/**
 * Debian 12 demo advisories. Bookworm moved to LTS in June 2026, so the later ones are DLAs.
 * Fixed versions sit on the ladders in ../ladders.ts so that some generated machines are behind
 * them and others are not.
 */
export const DEBIAN_ADVISORIES: readonly TDemoAdvisory[] = [
  {
    id: 'DSA-DEMO-6034-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'openssh',
    binaries: ['openssh-client', 'openssh-server', 'openssh-sftp-server'],
    fixed: '1:9.2p1-2+deb12u3',
    cves: ['CVE-2024-6387'],
    cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
    score: 8.1,
    severity: 'high',
    published: '2026-02-10T18:12:00Z',
    title: 'openssh - security update',
    details:
      'A signal handler race condition was found in sshd: a client that does not authenticate within ' +
      'LoginGraceTime makes the SIGALRM handler call functions that are not async-signal-safe, which may ' +
      'allow unauthenticated remote code execution as root ("regreSSHion").',
    isKev: false,
  },
  {
    id: 'DSA-DEMO-6042-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'glibc',
    binaries: ['libc-bin', 'libc-l10n', 'libc6', 'locales'],
    fixed: '2.36-9+deb12u3',
    cves: ['CVE-2023-4911', 'CVE-2023-4806', 'CVE-2023-4813'],
    cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    score: 7.8,
    severity: 'high',
    published: '2026-03-03T20:40:00Z',
    title: 'glibc - security update',
    details:
      "The dynamic loader's handling of the GLIBC_TUNABLES environment variable overflowed a buffer, " +
      'letting a local user run code as root through setuid programs ("Looney Tunables", CVE-2023-4911). ' +
      'The update also fixes two use-after-free bugs in getaddrinfo (CVE-2023-4806, CVE-2023-4813).',
    isKev: true,
  },
  {
    id: 'DSA-DEMO-6055-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'openssl',
    binaries: ['libssl3', 'openssl'],
    fixed: '3.0.16-1~deb12u1',
    cves: ['CVE-2024-13176', 'CVE-2024-9143'],
    cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
    score: 5.9,
    severity: 'medium',
    published: '2026-04-21T09:05:00Z',
    title: 'openssl - security update',
    details:
      'A timing side channel in ECDSA signature computation could disclose the private key to an attacker ' +
      'measuring many signatures (CVE-2024-13176), and explicit binary-field elliptic curve parameters could ' +
      'cause out-of-bounds memory access (CVE-2024-9143).',
    isKev: false,
  },
  {
    id: 'DSA-DEMO-6063-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'tar',
    binaries: ['tar'],
    fixed: '1.34+dfsg-1.2+deb12u1',
    cves: ['CVE-2023-39804'],
    cvss: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
    score: 6.2,
    severity: 'medium',
    published: '2026-05-12T07:30:00Z',
    title: 'tar - security update',
    details: 'Extended attribute keywords in a crafted archive could exhaust the stack while tar extracted it (CVE-2023-39804).',
    isKev: false,
  },
  {
    id: 'DSA-DEMO-6070-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'sudo',
    binaries: ['sudo'],
    fixed: '1.9.13p3-1+deb12u2',
    cves: ['CVE-2025-32462'],
    cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:L/I:N/A:N',
    score: 2.8,
    severity: 'low',
    published: '2026-05-28T16:45:00Z',
    title: 'sudo - security update',
    details:
      'The --host option, meant only for listing privileges, was honoured when running commands, so a rule ' +
      'written for another host in a shared sudoers file could be used on this one (CVE-2025-32462).',
    isKev: false,
  },
  {
    id: 'DLA-DEMO-4902-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'git',
    binaries: ['git', 'git-man'],
    fixed: '1:2.39.5-0+deb12u2',
    cves: ['CVE-2025-48384', 'CVE-2025-48385'],
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:H',
    score: 8,
    severity: 'high',
    published: '2026-09-15T11:20:00Z',
    title: 'git - security update',
    details:
      'Git stripped a trailing carriage return from configuration values inconsistently, so a crafted ' +
      'repository cloned with --recursive could check a submodule out to an attacker-chosen path and run a ' +
      'hook (CVE-2025-48384). A crafted bundle-uri could also inject protocol arguments (CVE-2025-48385).',
    isKev: true,
  },
  {
    id: 'DLA-DEMO-4915-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'nginx',
    binaries: ['libnginx-mod-stream', 'nginx', 'nginx-common'],
    fixed: '1.22.1-9+deb12u2',
    cves: ['CVE-2025-23419'],
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
    score: 5.3,
    severity: 'medium',
    published: '2026-10-06T13:00:00Z',
    title: 'nginx - security update',
    details:
      'When several virtual servers on one address shared a TLS session cache or ticket keys, a client could ' +
      'resume a session on a server that requires a client certificate without presenting one (CVE-2025-23419).',
    isKev: false,
  },
  {
    id: 'DLA-DEMO-4931-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'postgresql-15',
    binaries: ['libpq5', 'postgresql-15', 'postgresql-client-15'],
    fixed: '15.14-0+deb12u1',
    cves: ['CVE-2025-8714', 'CVE-2025-8715', 'CVE-2025-8713'],
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    score: 8.8,
    severity: 'high',
    published: '2026-11-03T10:15:00Z',
    title: 'postgresql-15 - security update',
    details:
      'A superuser of the origin server could embed code in a pg_dump output that runs on the machine ' +
      'restoring it (CVE-2025-8714, CVE-2025-8715), and planner statistics could reveal sampled rows hidden ' +
      'by row security policies (CVE-2025-8713). The update moves to the 15.14 minor release.',
    isKev: false,
  },
  {
    id: 'DLA-DEMO-4944-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'systemd',
    binaries: ['libnss-systemd', 'libpam-systemd', 'libsystemd-shared', 'libsystemd0', 'libudev1', 'systemd', 'systemd-sysv', 'systemd-timesyncd', 'udev'],
    fixed: '252.38-1~deb12u1',
    cves: ['CVE-2025-4598'],
    cvss: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N',
    score: 4.7,
    severity: 'medium',
    published: '2026-11-10T08:50:00Z',
    title: 'systemd - security update',
    details:
      'A race in systemd-coredump let a local user replace a crashing SUID process with one of their own ' +
      'and read the original process memory from the core dump (CVE-2025-4598).',
    isKev: false,
  },
  {
    id: 'DLA-DEMO-4950-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'curl',
    binaries: ['curl', 'libcurl3-gnutls', 'libcurl4'],
    fixed: '7.88.1-10+deb12u14',
    cves: ['CVE-2024-11053', 'CVE-2025-0167'],
    cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
    score: 3.1,
    severity: 'low',
    published: '2026-11-12T15:25:00Z',
    title: 'curl - security update',
    details:
      'With .netrc authentication and redirects, curl could send the password of one host to the redirect ' +
      'target when the .netrc entry lacked a login or password (CVE-2024-11053) or a default entry was ' +
      'present (CVE-2025-0167).',
    isKev: false,
  },
  {
    id: 'DLA-DEMO-4958-1',
    format: 'osv',
    ecosystem: 'Debian:12',
    source: 'expat',
    binaries: ['libexpat1'],
    fixed: '2.5.0-1+deb12u2',
    cves: ['CVE-2024-45490', 'CVE-2024-45491', 'CVE-2024-45492'],
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    score: 9.8,
    severity: 'critical',
    published: '2026-11-18T19:00:00Z',
    title: 'expat - security update',
    details:
      'Expat accepted a negative length in XML_ParseBuffer (CVE-2024-45490) and overflowed integers in ' +
      'dtdCopy and nextScaffoldPart on 32-bit size_t (CVE-2024-45491, CVE-2024-45492); a crafted document ' +
      'could corrupt memory in any program that parses untrusted XML with the library.',
    isKev: false,
  },
];
