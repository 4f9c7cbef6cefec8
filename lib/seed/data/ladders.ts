/**
 * Version ladders: for the source packages the demo cares about, the security updates a machine
 * may be behind on. `versions[0]` is what the base listing carries; later entries are older
 * updates, newest first. A machine that is "two updates behind" on openssl carries `versions[2]`
 * for every binary built from that source (libssl3, openssl, ...).
 *
 * Debian/Ubuntu ladders hold `${source:Version}` strings. RPM ladders hold VERSION-RELEASE
 * without epoch, as in the SRPM file name; each binary keeps its own epoch.
 * For AlmaLinux the last entry is the 9.2 level: only 9.2 machines go that far back.
 */
export type TVersionLadder = { source: string; versions: readonly string[] };

export const DEBIAN12_LADDERS: readonly TVersionLadder[] = [
  { source: 'base-files', versions: ['12.4+deb12u12', '12.4+deb12u11', '12.4+deb12u10', '12.4+deb12u7'] },
  { source: 'bind9', versions: ['1:9.18.41-1~deb12u1', '1:9.18.33-1~deb12u2', '1:9.18.28-1~deb12u2'] },
  { source: 'curl', versions: ['7.88.1-10+deb12u14', '7.88.1-10+deb12u12', '7.88.1-10+deb12u8'] },
  { source: 'expat', versions: ['2.5.0-1+deb12u2', '2.5.0-1+deb12u1', '2.5.0-1'] },
  { source: 'git', versions: ['1:2.39.5-0+deb12u3', '1:2.39.5-0+deb12u2', '1:2.39.5-0+deb12u1'] },
  { source: 'glibc', versions: ['2.36-9+deb12u13', '2.36-9+deb12u10', '2.36-9+deb12u7', '2.36-9+deb12u1'] },
  { source: 'gnutls28', versions: ['3.7.9-2+deb12u5', '3.7.9-2+deb12u4', '3.7.9-2+deb12u3'] },
  { source: 'krb5', versions: ['1.20.1-2+deb12u4', '1.20.1-2+deb12u3', '1.20.1-2+deb12u2'] },
  { source: 'libvirt', versions: ['9.0.0-4+deb12u2', '9.0.0-4+deb12u1', '9.0.0-4'] },
  { source: 'libxml2', versions: ['2.9.14+dfsg-1.3~deb12u4', '2.9.14+dfsg-1.3~deb12u2', '2.9.14+dfsg-1.3~deb12u1'] },
  { source: 'nginx', versions: ['1.22.1-9+deb12u3', '1.22.1-9+deb12u2', '1.22.1-9+deb12u1'] },
  { source: 'openssh', versions: ['1:9.2p1-2+deb12u7', '1:9.2p1-2+deb12u5', '1:9.2p1-2+deb12u2'] },
  { source: 'openssl', versions: ['3.0.17-1~deb12u3', '3.0.17-1~deb12u2', '3.0.15-1~deb12u1', '3.0.11-1~deb12u2'] },
  { source: 'postgresql-15', versions: ['15.14-0+deb12u1', '15.13-0+deb12u1', '15.12-0+deb12u1'] },
  { source: 'python3.11', versions: ['3.11.2-6+deb12u6', '3.11.2-6+deb12u5', '3.11.2-6+deb12u3'] },
  { source: 'qemu', versions: ['1:7.2+dfsg-7+deb12u16', '1:7.2+dfsg-7+deb12u13', '1:7.2+dfsg-7+deb12u7'] },
  { source: 'sudo', versions: ['1.9.13p3-1+deb12u2', '1.9.13p3-1+deb12u1'] },
  { source: 'systemd', versions: ['252.39-1~deb12u1', '252.38-1~deb12u1', '252.36-1~deb12u1'] },
  { source: 'tar', versions: ['1.34+dfsg-1.2+deb12u1', '1.34+dfsg-1.2'] },
  { source: 'tzdata', versions: ['2025b-0+deb12u2', '2025b-0+deb12u1', '2024b-0+deb12u1'] },
  { source: 'vim', versions: ['2:9.0.1378-2+deb12u2', '2:9.0.1378-2+deb12u1', '2:9.0.1378-2'] },
];

export const ALMA9_LADDERS: readonly TVersionLadder[] = [
  { source: 'NetworkManager', versions: ['1.46.0-19.el9_4', '1.46.0-8.el9_4', '1.42.2-8.el9_2'] },
  { source: 'almalinux-release', versions: ['9.4-1.el9', '9.2-1.el9'] },
  { source: 'bind', versions: ['9.16.23-18.el9_4.6', '9.16.23-18.el9_4.1', '9.16.23-11.el9_2.2'] },
  { source: 'curl', versions: ['7.76.1-29.el9_4.1', '7.76.1-29.el9_4', '7.76.1-23.el9_2.1'] },
  { source: 'expat', versions: ['2.5.0-2.el9_4.1', '2.5.0-2.el9_4', '2.5.0-1.el9'] },
  { source: 'git', versions: ['2.43.5-1.el9_4', '2.43.0-1.el9', '2.39.3-1.el9_2'] },
  { source: 'glibc', versions: ['2.34-100.el9_4.4', '2.34-100.el9_4.2', '2.34-60.el9'] },
  { source: 'gnutls', versions: ['3.8.3-4.el9_4', '3.8.3-1.el9', '3.7.6-20.el9_2'] },
  { source: 'kernel', versions: ['5.14.0-427.42.1.el9_4', '5.14.0-427.13.1.el9_4', '5.14.0-284.11.1.el9_2'] },
  { source: 'krb5', versions: ['1.21.1-2.el9_4', '1.21.1-1.el9', '1.20.1-9.el9_2'] },
  { source: 'less', versions: ['590-4.el9_4', '590-2.el9_2'] },
  { source: 'libssh', versions: ['0.10.4-13.el9', '0.10.4-11.el9', '0.10.4-8.el9'] },
  { source: 'libxml2', versions: ['2.9.13-6.el9_4', '2.9.13-5.el9_3', '2.9.13-3.el9_2.1'] },
  { source: 'openssh', versions: ['8.7p1-38.el9_4.4', '8.7p1-38.el9_4.1', '8.7p1-29.el9_2'] },
  { source: 'openssl', versions: ['3.0.7-28.el9_4', '3.0.7-27.el9', '3.0.7-6.el9_2'] },
  { source: 'pam', versions: ['1.5.1-19.el9', '1.5.1-15.el9', '1.5.1-14.el9'] },
  { source: 'python3.9', versions: ['3.9.18-3.el9_4.5', '3.9.18-3.el9_4.1', '3.9.16-1.el9_2.1'] },
  { source: 'qemu-kvm', versions: ['8.2.0-11.el9_4.6', '8.2.0-11.el9_4.1', '7.2.0-14.el9_2.5'] },
  { source: 'sudo', versions: ['1.9.5p2-10.el9_3', '1.9.5p2-9.el9'] },
  { source: 'systemd', versions: ['252-32.el9_4.7', '252-32.el9_4', '252-14.el9_2.3'] },
  { source: 'tar', versions: ['1.34-6.el9_4.1', '1.34-6.el9_1'] },
  { source: 'tzdata', versions: ['2024b-2.el9', '2024a-1.el9', '2023c-1.el9'] },
];

export const UBUNTU2204_LADDERS: readonly TVersionLadder[] = [
  { source: 'glibc', versions: ['2.35-0ubuntu3.10', '2.35-0ubuntu3.9', '2.35-0ubuntu3.8'] },
  { source: 'openssh', versions: ['1:8.9p1-3ubuntu0.13', '1:8.9p1-3ubuntu0.10', '1:8.9p1-3ubuntu0.7'] },
  { source: 'openssl', versions: ['3.0.2-0ubuntu1.19', '3.0.2-0ubuntu1.18', '3.0.2-0ubuntu1.15'] },
  { source: 'sudo', versions: ['1.9.9-1ubuntu2.5', '1.9.9-1ubuntu2.4'] },
  { source: 'systemd', versions: ['249.11-0ubuntu3.16', '249.11-0ubuntu3.12', '249.11-0ubuntu3.9'] },
];
