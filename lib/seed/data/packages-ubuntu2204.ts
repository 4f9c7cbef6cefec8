/**
 * Ubuntu 22.04 LTS (jammy) server packages for the few demo Ubuntu VMs.
 *
 * Written for Patchward's demo seed in the layout of
 *   dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n'
 * (tab-separated, one installed package a line). Package names and versions are real jammy ones,
 * picked by hand; no machine's listing was copied. Parse with `parseSeedListing(text, 'deb')`.
 */

/** Ubuntu server base: on every Ubuntu 22.04 asset. */
export const UBUNTU2204_BASE = `adduser	3.118ubuntu5	all	adduser	3.118ubuntu5
apt	2.4.14	amd64	apt	2.4.14
apt-utils	2.4.14	amd64	apt	2.4.14
base-files	12ubuntu4.7	amd64	base-files	12ubuntu4.7
base-passwd	3.5.52build1	amd64	base-passwd	3.5.52build1
bash	5.1-6ubuntu1.1	amd64	bash	5.1-6ubuntu1.1
bsdutils	1:2.37.2-4ubuntu3.4	amd64	util-linux	2.37.2-4ubuntu3.4
ca-certificates	20240203~22.04.1	all	ca-certificates	20240203~22.04.1
cloud-init	25.1.4-0ubuntu0~22.04.1	all	cloud-init	25.1.4-0ubuntu0~22.04.1
coreutils	8.32-4.1ubuntu1.2	amd64	coreutils	8.32-4.1ubuntu1.2
cron	3.0pl1-137ubuntu3	amd64	cron	3.0pl1-137ubuntu3
curl	7.81.0-1ubuntu1.20	amd64	curl	7.81.0-1ubuntu1.20
dash	0.5.11+git20210903+057cd650a4ed-3build1	amd64	dash	0.5.11+git20210903+057cd650a4ed-3build1
dbus	1.12.20-2ubuntu4.1	amd64	dbus	1.12.20-2ubuntu4.1
debconf	1.5.79ubuntu1	all	debconf	1.5.79ubuntu1
dpkg	1.21.1ubuntu2.3	amd64	dpkg	1.21.1ubuntu2.3
e2fsprogs	1.46.5-2ubuntu1.2	amd64	e2fsprogs	1.46.5-2ubuntu1.2
findutils	4.8.0-1ubuntu3	amd64	findutils	4.8.0-1ubuntu3
gcc-12-base	12.3.0-1ubuntu1~22.04	amd64	gcc-12	12.3.0-1ubuntu1~22.04
git	1:2.34.1-1ubuntu1.12	amd64	git	1:2.34.1-1ubuntu1.12
git-man	1:2.34.1-1ubuntu1.12	all	git	1:2.34.1-1ubuntu1.12
gpgv	2.2.27-3ubuntu2.1	amd64	gnupg2	2.2.27-3ubuntu2.1
grep	3.7-1build1	amd64	grep	3.7-1build1
gzip	1.10-4ubuntu4.1	amd64	gzip	1.10-4ubuntu4.1
hostname	3.23ubuntu2	amd64	hostname	3.23ubuntu2
init-system-helpers	1.62	all	init-system-helpers	1.62
iproute2	5.15.0-1ubuntu2	amd64	iproute2	5.15.0-1ubuntu2
iputils-ping	3:20211215-1	amd64	iputils	3:20211215-1
less	590-1ubuntu0.22.04.3	amd64	less	590-1ubuntu0.22.04.3
libacl1	2.3.1-1	amd64	acl	2.3.1-1
libapt-pkg6.0	2.4.14	amd64	apt	2.4.14
libaudit1	1:3.0.7-1build1	amd64	audit	1:3.0.7-1build1
libblkid1	2.37.2-4ubuntu3.4	amd64	util-linux	2.37.2-4ubuntu3.4
libbz2-1.0	1.0.8-5build1	amd64	bzip2	1.0.8-5build1
libc-bin	2.35-0ubuntu3.10	amd64	glibc	2.35-0ubuntu3.10
libc6	2.35-0ubuntu3.10	amd64	glibc	2.35-0ubuntu3.10
libcap2	1:2.44-1ubuntu0.22.04.2	amd64	libcap2	1:2.44-1ubuntu0.22.04.2
libcom-err2	1.46.5-2ubuntu1.2	amd64	e2fsprogs	1.46.5-2ubuntu1.2
libcrypt1	1:4.4.27-1	amd64	libxcrypt	1:4.4.27-1
libcurl3-gnutls	7.81.0-1ubuntu1.20	amd64	curl	7.81.0-1ubuntu1.20
libcurl4	7.81.0-1ubuntu1.20	amd64	curl	7.81.0-1ubuntu1.20
libdbus-1-3	1.12.20-2ubuntu4.1	amd64	dbus	1.12.20-2ubuntu4.1
libexpat1	2.4.7-1ubuntu0.6	amd64	expat	2.4.7-1ubuntu0.6
libffi8	3.4.2-4	amd64	libffi	3.4.2-4
libgcc-s1	12.3.0-1ubuntu1~22.04	amd64	gcc-12	12.3.0-1ubuntu1~22.04
libgcrypt20	1.9.4-3ubuntu3	amd64	libgcrypt20	1.9.4-3ubuntu3
libglib2.0-0	2.72.4-0ubuntu2.5	amd64	glib2.0	2.72.4-0ubuntu2.5
libgnutls30	3.7.3-4ubuntu1.6	amd64	gnutls28	3.7.3-4ubuntu1.6
libgssapi-krb5-2	1.19.2-2ubuntu0.6	amd64	krb5	1.19.2-2ubuntu0.6
libk5crypto3	1.19.2-2ubuntu0.6	amd64	krb5	1.19.2-2ubuntu0.6
libkrb5-3	1.19.2-2ubuntu0.6	amd64	krb5	1.19.2-2ubuntu0.6
libkrb5support0	1.19.2-2ubuntu0.6	amd64	krb5	1.19.2-2ubuntu0.6
liblzma5	5.2.5-2ubuntu1	amd64	xz-utils	5.2.5-2ubuntu1
libmount1	2.37.2-4ubuntu3.4	amd64	util-linux	2.37.2-4ubuntu3.4
libncursesw6	6.3-2ubuntu0.1	amd64	ncurses	6.3-2ubuntu0.1
libnghttp2-14	1.43.0-1ubuntu0.2	amd64	nghttp2	1.43.0-1ubuntu0.2
libpam-modules	1.4.0-11ubuntu2.5	amd64	pam	1.4.0-11ubuntu2.5
libpam-runtime	1.4.0-11ubuntu2.5	all	pam	1.4.0-11ubuntu2.5
libpam0g	1.4.0-11ubuntu2.5	amd64	pam	1.4.0-11ubuntu2.5
libpcre2-8-0	10.39-3ubuntu0.1	amd64	pcre2	10.39-3ubuntu0.1
libpython3.10	3.10.12-1~22.04.10	amd64	python3.10	3.10.12-1~22.04.10
libpython3.10-minimal	3.10.12-1~22.04.10	amd64	python3.10	3.10.12-1~22.04.10
libpython3.10-stdlib	3.10.12-1~22.04.10	amd64	python3.10	3.10.12-1~22.04.10
libselinux1	3.3-1build2	amd64	libselinux	3.3-1build2
libsqlite3-0	3.37.2-2ubuntu0.4	amd64	sqlite3	3.37.2-2ubuntu0.4
libssh-4	0.9.6-2ubuntu0.22.04.4	amd64	libssh	0.9.6-2ubuntu0.22.04.4
libssl3	3.0.2-0ubuntu1.19	amd64	openssl	3.0.2-0ubuntu1.19
libstdc++6	12.3.0-1ubuntu1~22.04	amd64	gcc-12	12.3.0-1ubuntu1~22.04
libsystemd0	249.11-0ubuntu3.16	amd64	systemd	249.11-0ubuntu3.16
libtinfo6	6.3-2ubuntu0.1	amd64	ncurses	6.3-2ubuntu0.1
libudev1	249.11-0ubuntu3.16	amd64	systemd	249.11-0ubuntu3.16
libuuid1	2.37.2-4ubuntu3.4	amd64	util-linux	2.37.2-4ubuntu3.4
libxml2	2.9.13+dfsg-1ubuntu0.7	amd64	libxml2	2.9.13+dfsg-1ubuntu0.7
libzstd1	1.4.8+dfsg-3build1	amd64	libzstd	1.4.8+dfsg-3build1
linux-image-5.15.0-143-generic	5.15.0-143.153	amd64	linux-signed	5.15.0-143.153
linux-image-generic	5.15.0.143.138	amd64	linux-meta	5.15.0.143.138
locales	2.35-0ubuntu3.10	all	glibc	2.35-0ubuntu3.10
login	1:4.8.1-2ubuntu2.2	amd64	shadow	1:4.8.1-2ubuntu2.2
logrotate	3.19.0-1ubuntu1.1	amd64	logrotate	3.19.0-1ubuntu1.1
lsb-release	11.1.0ubuntu4	all	lsb	11.1.0ubuntu4
mount	2.37.2-4ubuntu3.4	amd64	util-linux	2.37.2-4ubuntu3.4
nano	6.2-1ubuntu0.1	amd64	nano	6.2-1ubuntu0.1
ncurses-base	6.3-2ubuntu0.1	all	ncurses	6.3-2ubuntu0.1
netplan.io	0.106.1-7ubuntu0.22.04.4	amd64	netplan.io	0.106.1-7ubuntu0.22.04.4
openssh-client	1:8.9p1-3ubuntu0.13	amd64	openssh	1:8.9p1-3ubuntu0.13
openssh-server	1:8.9p1-3ubuntu0.13	amd64	openssh	1:8.9p1-3ubuntu0.13
openssh-sftp-server	1:8.9p1-3ubuntu0.13	amd64	openssh	1:8.9p1-3ubuntu0.13
openssl	3.0.2-0ubuntu1.19	amd64	openssl	3.0.2-0ubuntu1.19
passwd	1:4.8.1-2ubuntu2.2	amd64	shadow	1:4.8.1-2ubuntu2.2
perl-base	5.34.0-3ubuntu1.4	amd64	perl	5.34.0-3ubuntu1.4
procps	2:3.3.17-6ubuntu2.1	amd64	procps	2:3.3.17-6ubuntu2.1
python3	3.10.6-1~22.04.1	amd64	python3-defaults	3.10.6-1~22.04.1
python3-minimal	3.10.6-1~22.04.1	amd64	python3-defaults	3.10.6-1~22.04.1
python3.10	3.10.12-1~22.04.10	amd64	python3.10	3.10.12-1~22.04.10
python3.10-minimal	3.10.12-1~22.04.10	amd64	python3.10	3.10.12-1~22.04.10
rsyslog	8.2112.0-2ubuntu2.2	amd64	rsyslog	8.2112.0-2ubuntu2.2
sed	4.8-1ubuntu2	amd64	sed	4.8-1ubuntu2
snapd	2.67.1+22.04	amd64	snapd	2.67.1+22.04
sudo	1.9.9-1ubuntu2.5	amd64	sudo	1.9.9-1ubuntu2.5
systemd	249.11-0ubuntu3.16	amd64	systemd	249.11-0ubuntu3.16
systemd-sysv	249.11-0ubuntu3.16	amd64	systemd	249.11-0ubuntu3.16
systemd-timesyncd	249.11-0ubuntu3.16	amd64	systemd	249.11-0ubuntu3.16
tar	1.34+dfsg-1ubuntu0.1.22.04.2	amd64	tar	1.34+dfsg-1ubuntu0.1.22.04.2
tzdata	2025b-0ubuntu0.22.04.1	all	tzdata	2025b-0ubuntu0.22.04.1
ubuntu-keyring	2021.03.26	all	ubuntu-keyring	2021.03.26
ubuntu-minimal	1.481.4	amd64	ubuntu-meta	1.481.4
ubuntu-server	1.481.4	amd64	ubuntu-meta	1.481.4
udev	249.11-0ubuntu3.16	amd64	systemd	249.11-0ubuntu3.16
unattended-upgrades	2.8ubuntu1	all	unattended-upgrades	2.8ubuntu1
util-linux	2.37.2-4ubuntu3.4	amd64	util-linux	2.37.2-4ubuntu3.4
vim	2:8.2.3995-1ubuntu2.24	amd64	vim	2:8.2.3995-1ubuntu2.24
vim-common	2:8.2.3995-1ubuntu2.24	all	vim	2:8.2.3995-1ubuntu2.24
vim-runtime	2:8.2.3995-1ubuntu2.24	all	vim	2:8.2.3995-1ubuntu2.24
wget	1.21.2-2ubuntu1.1	amd64	wget	1.21.2-2ubuntu1.1
xz-utils	5.2.5-2ubuntu1	amd64	xz-utils	5.2.5-2ubuntu1
zlib1g	1:1.2.11.dfsg-2ubuntu9.2	amd64	zlib	1:1.2.11.dfsg-2ubuntu9.2
`;

/** Python batch workers. */
export const UBUNTU2204_BATCH = `python3-pip	22.0.2+dfsg-1ubuntu0.6	all	python-pip	22.0.2+dfsg-1ubuntu0.6
python3-setuptools	59.6.0-1.2ubuntu0.22.04.3	all	setuptools	59.6.0-1.2ubuntu0.22.04.3
python3-venv	3.10.6-1~22.04.1	amd64	python3-defaults	3.10.6-1~22.04.1
python3-wheel	0.37.1-2ubuntu0.22.04.1	all	wheel	0.37.1-2ubuntu0.22.04.1
python3.10-venv	3.10.12-1~22.04.10	amd64	python3.10	3.10.12-1~22.04.10
`;
