import type { TDemoAdvisory } from './types';

const KERNEL = ['kernel', 'kernel-core', 'kernel-modules', 'kernel-modules-core', 'kernel-tools', 'kernel-tools-libs'];
const GLIBC = ['glibc', 'glibc-common', 'glibc-gconv-extra', 'glibc-langpack-en', 'glibc-minimal-langpack'];

/**
 * AlmaLinux 9 demo advisories (OSV "ALSA" records and two CSAF documents) and one Ubuntu 22.04
 * OSV record. AlmaLinux fixed versions are the binaries' EPOCH:VERSION-RELEASE, as AlmaLinux
 * writes them; the 9.2 machines of the fleet miss most of them, the 9.4 machines only some.
 */
export const RPM_ADVISORIES: readonly TDemoAdvisory[] = [
  {
    id: 'ALSA-DEMO-2026:1249',
    format: 'osv',
    ecosystem: 'AlmaLinux:9',
    source: 'kernel',
    binaries: KERNEL,
    fixed: '5.14.0-362.24.1.el9_3',
    cves: ['CVE-2024-1086'],
    cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    score: 7.8,
    severity: 'high',
    published: '2026-02-24T00:00:00Z',
    title: 'Important: kernel security update',
    details:
      'A use-after-free in the netfilter nf_tables component (nft_verdict_init accepting positive drop ' +
      'verdicts) let a local user escalate privileges to root (CVE-2024-1086).',
    isKev: true,
  },
  {
    id: 'ALSA-DEMO-2026:2438',
    format: 'osv',
    ecosystem: 'AlmaLinux:9',
    source: 'pam',
    binaries: ['pam'],
    fixed: '1.5.1-19.el9',
    cves: ['CVE-2024-22365'],
    cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H',
    score: 5.5,
    severity: 'medium',
    published: '2026-04-08T00:00:00Z',
    title: 'Moderate: pam security update',
    details:
      'pam_namespace opened user-controlled paths without O_DIRECTORY, so a local user could make it block ' + 'on a FIFO and deny logins (CVE-2024-22365).',
    isKev: false,
  },
  {
    id: 'ALSA-DEMO-2026:2504',
    format: 'osv',
    ecosystem: 'AlmaLinux:9',
    source: 'libssh',
    binaries: ['libssh', 'libssh-config'],
    fixed: '0.10.4-13.el9',
    cves: ['CVE-2023-6918'],
    cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N',
    score: 3.7,
    severity: 'low',
    published: '2026-04-08T00:00:00Z',
    title: 'Low: libssh security update',
    details:
      'libssh did not check the return values of message digest operations, so a failure during key ' +
      'derivation could leave a predictable or weaker session key (CVE-2023-6918).',
    isKev: false,
  },
  {
    id: 'ALSA-DEMO-2026:2570',
    format: 'osv',
    ecosystem: 'AlmaLinux:9',
    source: 'gnutls',
    binaries: ['gnutls'],
    fixed: '3.8.3-4.el9_4',
    cves: ['CVE-2024-28834', 'CVE-2024-28835'],
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
    score: 5.3,
    severity: 'medium',
    published: '2026-04-15T00:00:00Z',
    title: 'Moderate: gnutls security update',
    details:
      'ECDSA signing leaked timing information usable to recover the private key ("Minerva", ' +
      'CVE-2024-28834), and verifying a crafted certificate chain could crash certtool (CVE-2024-28835).',
    isKev: false,
  },
  {
    id: 'ALSA-DEMO-2026:4083',
    format: 'osv',
    ecosystem: 'AlmaLinux:9',
    source: 'git',
    binaries: ['git', 'git-core', 'git-core-doc', 'perl-Git'],
    fixed: '2.43.5-1.el9_4',
    cves: ['CVE-2024-32002', 'CVE-2024-32004', 'CVE-2024-32465', 'CVE-2024-32020', 'CVE-2024-32021'],
    cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H',
    score: 9,
    severity: 'critical',
    published: '2026-06-23T00:00:00Z',
    title: 'Critical: git security update',
    details:
      'A repository with crafted submodules and symbolic links could make git write a hook into .git/ while ' +
      'cloning and run it (CVE-2024-32002). The update also fixes code execution when cloning local ' +
      'repositories owned by others (CVE-2024-32004, CVE-2024-32465) and hardlink and object-store issues in ' +
      'local clones (CVE-2024-32020, CVE-2024-32021).',
    isKev: false,
  },
  {
    id: 'ALSA-DEMO-2026:5455',
    format: 'osv',
    ecosystem: 'AlmaLinux:9',
    source: 'glibc',
    binaries: GLIBC,
    fixed: '2.34-60.el9_2.7',
    cves: ['CVE-2023-4911', 'CVE-2023-4527', 'CVE-2023-4806', 'CVE-2023-4813'],
    cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    score: 7.8,
    severity: 'high',
    published: '2026-09-29T00:00:00Z',
    title: 'Important: glibc security update',
    details:
      'The dynamic loader overflowed a buffer while parsing GLIBC_TUNABLES, letting a local user gain root ' +
      'through setuid programs ("Looney Tunables", CVE-2023-4911). Also fixed: a stack read overflow in ' +
      'getaddrinfo with no-aaaa (CVE-2023-4527) and two getaddrinfo use-after-free bugs (CVE-2023-4806, CVE-2023-4813).',
    isKev: true,
  },
  {
    id: 'ALSA-DEMO-2026:8611',
    format: 'csaf',
    ecosystem: 'AlmaLinux:9',
    source: 'openssl',
    binaries: ['openssl', 'openssl-libs'],
    fixed: '1:3.0.7-25.el9_3',
    cves: ['CVE-2023-5363'],
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
    score: 7.5,
    severity: 'high',
    published: '2026-11-05T00:00:00Z',
    title: 'Important: openssl security update',
    details:
      'Key and IV lengths changed after a cipher was initialised were processed too late, so some ciphers ' +
      'used a truncated or over-read key or IV, which can break the confidentiality of encrypted data (CVE-2023-5363).',
    isKev: false,
  },
  {
    id: 'ALSA-DEMO-2026:8754',
    format: 'csaf',
    ecosystem: 'AlmaLinux:9',
    source: 'expat',
    binaries: ['expat'],
    fixed: '2.5.0-2.el9_4.1',
    cves: ['CVE-2024-45490', 'CVE-2024-45491', 'CVE-2024-45492'],
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    score: 9.8,
    severity: 'critical',
    published: '2026-11-19T00:00:00Z',
    title: 'Critical: expat security update',
    details:
      'Expat accepted a negative length in XML_ParseBuffer (CVE-2024-45490) and overflowed integers in ' +
      'dtdCopy and nextScaffoldPart (CVE-2024-45491, CVE-2024-45492); a crafted document could corrupt ' +
      'memory in any program that parses untrusted XML with the library.',
    isKev: false,
  },
  {
    id: 'USN-DEMO-7702-1',
    format: 'osv',
    ecosystem: 'Ubuntu:22.04:LTS',
    source: 'openssh',
    binaries: ['openssh-client', 'openssh-server', 'openssh-sftp-server'],
    fixed: '1:8.9p1-3ubuntu0.10',
    cves: ['CVE-2024-6387'],
    cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
    score: 8.1,
    severity: 'high',
    published: '2026-10-27T09:00:00Z',
    title: 'OpenSSH vulnerability',
    details:
      'It was discovered that OpenSSH handled the login grace timeout in a signal handler that calls ' +
      'functions which are not async-signal-safe. A remote attacker could use this to run code as root ' +
      'without authenticating (CVE-2024-6387).',
    isKev: false,
  },
];
