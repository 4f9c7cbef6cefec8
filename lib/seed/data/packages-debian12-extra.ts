/**
 * Debian 12 (bookworm) package groups added on top of DEBIAN12_CORE, by what the machine is for.
 *
 * Written for Patchward's demo seed in the layout of
 *   dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n'
 * (tab-separated, one installed package a line). Package names and versions are real bookworm ones,
 * picked by hand; no machine's listing was copied. Parse with `parseSeedListing(text, 'deb')`.
 */

/** Admin tools, git, Python and Perl: on VMs and images, not on hypervisor hosts. */
export const DEBIAN12_STANDARD = `apt-transport-https	2.6.1	all	apt	2.6.1
bc	1.07.1-3+b1	amd64	bc	1.07.1-3
bind9-dnsutils	1:9.18.41-1~deb12u1	amd64	bind9	1:9.18.41-1~deb12u1
bind9-host	1:9.18.41-1~deb12u1	amd64	bind9	1:9.18.41-1~deb12u1
bind9-libs	1:9.18.41-1~deb12u1	amd64	bind9	1:9.18.41-1~deb12u1
dirmngr	2.2.40-1.1+deb12u1	amd64	gnupg2	2.2.40-1.1+deb12u1
dnsutils	1:9.18.41-1~deb12u1	all	bind9	1:9.18.41-1~deb12u1
git	1:2.39.5-0+deb12u3	amd64	git	1:2.39.5-0+deb12u3
git-man	1:2.39.5-0+deb12u3	all	git	1:2.39.5-0+deb12u3
gnupg	2.2.40-1.1+deb12u1	all	gnupg2	2.2.40-1.1+deb12u1
gnupg-utils	2.2.40-1.1+deb12u1	amd64	gnupg2	2.2.40-1.1+deb12u1
gpg	2.2.40-1.1+deb12u1	amd64	gnupg2	2.2.40-1.1+deb12u1
gpg-agent	2.2.40-1.1+deb12u1	amd64	gnupg2	2.2.40-1.1+deb12u1
gpgconf	2.2.40-1.1+deb12u1	amd64	gnupg2	2.2.40-1.1+deb12u1
gpgsm	2.2.40-1.1+deb12u1	amd64	gnupg2	2.2.40-1.1+deb12u1
htop	3.2.2-2	amd64	htop	3.2.2-2
jq	1.6-2.1+deb12u1	amd64	jq	1.6-2.1+deb12u1
libassuan0	2.5.5-5	amd64	libassuan	2.5.5-5
libcbor0.8	0.8.0-2+b1	amd64	libcbor	0.8.0-2
liberror-perl	0.17029-2	all	liberror-perl	0.17029-2
libfstrm0	0.6.1-1	amd64	fstrm	0.6.1-1
libgpm2	1.20.7-10+b1	amd64	gpm	1.20.7-10
libjq1	1.6-2.1+deb12u1	amd64	jq	1.6-2.1+deb12u1
libksba8	1.6.3-2	amd64	libksba	1.6.3-2
liblmdb0	0.9.24-1	amd64	lmdb	0.9.24-1
libmagic-mgc	1:5.44-3	amd64	file	1:5.44-3
libmagic1	1:5.44-3	amd64	file	1:5.44-3
libmaxminddb0	1.7.1-1	amd64	libmaxminddb	1.7.1-1
libmpdec3	2.5.1-2	amd64	mpdecimal	2.5.1-2
libncurses6	6.4-4	amd64	ncurses	6.4-4
libnl-3-200	3.7.0-0.2+b1	amd64	libnl3	3.7.0-0.2
libnl-genl-3-200	3.7.0-0.2+b1	amd64	libnl3	3.7.0-0.2
libnpth0	1.6-3	amd64	npth	1.6-3
libonig5	6.9.8-1	amd64	libonig	6.9.8-1
libpcap0.8	1.10.3-1	amd64	libpcap	1.10.3-1
libperl5.36	5.36.0-7+deb12u2	amd64	perl	5.36.0-7+deb12u2
libprotobuf-c1	1.4.1-1+b1	amd64	protobuf-c	1.4.1-1
libpython3-stdlib	3.11.2-1+b1	amd64	python3-defaults	3.11.2-1
libpython3.11-minimal	3.11.2-6+deb12u6	amd64	python3.11	3.11.2-6+deb12u6
libpython3.11-stdlib	3.11.2-6+deb12u6	amd64	python3.11	3.11.2-6+deb12u6
libuv1	1.44.2-1+deb12u1	amd64	libuv1	1.44.2-1+deb12u1
libyaml-0-2	0.2.5-1	amd64	libyaml	0.2.5-1
perl	5.36.0-7+deb12u2	amd64	perl	5.36.0-7+deb12u2
perl-modules-5.36	5.36.0-7+deb12u2	all	perl	5.36.0-7+deb12u2
python3	3.11.2-1+b1	amd64	python3-defaults	3.11.2-1
python3-apt	2.6.0	amd64	python-apt	2.6.0
python3-certifi	2022.9.24-1	all	python-certifi	2022.9.24-1
python3-chardet	5.1.0+dfsg-2	all	chardet	5.1.0+dfsg-2
python3-charset-normalizer	3.0.1-2	all	charset-normalizer	3.0.1-2
python3-configobj	5.0.8-1	all	configobj	5.0.8-1
python3-debian	0.1.49	all	python-debian	0.1.49
python3-idna	3.3-1+deb12u1	all	python-idna	3.3-1+deb12u1
python3-jinja2	3.1.2-1+deb12u2	all	jinja2	3.1.2-1+deb12u2
python3-jsonpatch	1.32-2	all	python-json-patch	1.32-2
python3-jsonpointer	2.3-2	all	python-json-pointer	2.3-2
python3-jsonschema	4.10.3-1	all	python-jsonschema	4.10.3-1
python3-markupsafe	2.1.2-1+b1	amd64	markupsafe	2.1.2-1
python3-minimal	3.11.2-1+b1	amd64	python3-defaults	3.11.2-1
python3-netifaces	0.11.0-2+b1	amd64	netifaces	0.11.0-2
python3-oauthlib	3.2.2-1	all	python-oauthlib	3.2.2-1
python3-pkg-resources	66.1.1-1+deb12u1	all	setuptools	66.1.1-1+deb12u1
python3-requests	2.28.1+dfsg-1	all	requests	2.28.1+dfsg-1
python3-six	1.16.0-4	all	six	1.16.0-4
python3-urllib3	1.26.12-1+deb12u1	all	python-urllib3	1.26.12-1+deb12u1
python3-yaml	6.0-3+b2	amd64	pyyaml	6.0-3
python3.11	3.11.2-6+deb12u6	amd64	python3.11	3.11.2-6+deb12u6
python3.11-minimal	3.11.2-6+deb12u6	amd64	python3.11	3.11.2-6+deb12u6
qemu-guest-agent	1:7.2+dfsg-7+deb12u16	amd64	qemu	1:7.2+dfsg-7+deb12u16
rsync	3.2.7-1+deb12u2	amd64	rsync	3.2.7-1+deb12u2
screen	4.9.0-4	amd64	screen	4.9.0-4
strace	6.1-0.1	amd64	strace	6.1-0.1
tcpdump	4.99.3-1	amd64	tcpdump	4.99.3-1
tmux	3.3a-3	amd64	tmux	3.3a-3
traceroute	1:2.1.2-1	amd64	traceroute	1:2.1.2-1
unattended-upgrades	2.9.1+nmu3	all	unattended-upgrades	2.9.1+nmu3
unzip	6.0-28	amd64	unzip	6.0-28
vim	2:9.0.1378-2+deb12u2	amd64	vim	2:9.0.1378-2+deb12u2
vim-runtime	2:9.0.1378-2+deb12u2	all	vim	2:9.0.1378-2+deb12u2
wget	1.21.3-1+deb12u1	amd64	wget	1.21.3-1+deb12u1
zip	3.0-13	amd64	zip	3.0-13
`;

/** Web front ends (nginx). */
export const DEBIAN12_WEB = `libnginx-mod-stream	1.22.1-9+deb12u3	amd64	nginx	1.22.1-9+deb12u3
nginx	1.22.1-9+deb12u3	amd64	nginx	1.22.1-9+deb12u3
nginx-common	1.22.1-9+deb12u3	all	nginx	1.22.1-9+deb12u3
ssl-cert	1.1.2	all	ssl-cert	1.1.2
`;

/** Database servers (PostgreSQL 15). */
export const DEBIAN12_DB = `libcommon-sense-perl	3.75-3	amd64	libcommon-sense-perl	3.75-3
libjson-perl	4.10000-1	all	libjson-perl	4.10000-1
libjson-xs-perl	4.030-2+b1	amd64	libjson-xs-perl	4.030-2
libllvm14	1:14.0.6-12	amd64	llvm-toolchain-14	1:14.0.6-12
libpq5	15.14-0+deb12u1	amd64	postgresql-15	15.14-0+deb12u1
libsensors-config	1:3.6.0-7.1	all	lm-sensors	1:3.6.0-7.1
libsensors5	1:3.6.0-7.1	amd64	lm-sensors	1:3.6.0-7.1
libtypes-serialiser-perl	1.01-1	all	libtypes-serialiser-perl	1.01-1
libxslt1.1	1.1.35-1	amd64	libxslt	1.1.35-1
libz3-4	4.8.12-3.1	amd64	z3	4.8.12-3.1
postgresql	15+248	all	postgresql-common	248
postgresql-15	15.14-0+deb12u1	amd64	postgresql-15	15.14-0+deb12u1
postgresql-client-15	15.14-0+deb12u1	amd64	postgresql-15	15.14-0+deb12u1
postgresql-client-common	248	all	postgresql-common	248
postgresql-common	248	all	postgresql-common	248
postgresql-contrib	15+248	all	postgresql-common	248
ssl-cert	1.1.2	all	ssl-cert	1.1.2
sysstat	12.6.1-1	amd64	sysstat	12.6.1-1
`;

/** JVM application servers (OpenJDK 17). */
export const DEBIAN12_JAVA = `ca-certificates-java	20230710~deb12u1	all	ca-certificates-java	20230710~deb12u1
java-common	0.74	all	java-common	0.74
libnspr4	2:4.35-1	amd64	nspr	2:4.35-1
libnss3	2:3.87.1-1+deb12u1	amd64	nss	2:3.87.1-1+deb12u1
libpcsclite1	1.9.9-2	amd64	pcsc-lite	1.9.9-2
openjdk-17-jre-headless	17.0.16+8-1~deb12u1	amd64	openjdk-17	17.0.16+8-1~deb12u1
`;

/** Caches and queues (Redis). */
export const DEBIAN12_CACHE = `libjemalloc2	5.3.0-1	amd64	jemalloc	5.3.0-1
liblzf1	3.6-3	amd64	liblzf	3.6-3
redis-server	5:7.0.15-1~deb12u5	amd64	redis	5:7.0.15-1~deb12u5
redis-tools	5:7.0.15-1~deb12u5	amd64	redis	5:7.0.15-1~deb12u5
`;

/** Python batch workers. */
export const DEBIAN12_BATCH = `python3-pip	23.0.1+dfsg-1	all	python-pip	23.0.1+dfsg-1
python3-pip-whl	23.0.1+dfsg-1	all	python-pip	23.0.1+dfsg-1
python3-setuptools	66.1.1-1+deb12u1	all	setuptools	66.1.1-1+deb12u1
python3-setuptools-whl	66.1.1-1+deb12u1	all	setuptools	66.1.1-1+deb12u1
python3-venv	3.11.2-1+b1	amd64	python3-defaults	3.11.2-1
python3-wheel	0.38.4-2	all	wheel	0.38.4-2
python3.11-venv	3.11.2-6+deb12u6	amd64	python3.11	3.11.2-6+deb12u6
`;

/** KVM hypervisor hosts (QEMU, libvirt, firmware, microcode). */
export const DEBIAN12_HOST = `amd64-microcode	3.20250311.1~deb12u1	amd64	amd64-microcode	3.20250311.1~deb12u1
bridge-utils	1.7.1-1	amd64	bridge-utils	1.7.1-1
dnsmasq-base	2.90-4~deb12u1	amd64	dnsmasq	2.90-4~deb12u1
intel-microcode	3.20250512.1~deb12u1	amd64	intel-microcode	3.20250512.1~deb12u1
ipmitool	1.8.19-4+deb12u2	amd64	ipmitool	1.8.19-4+deb12u2
ipxe-qemu	1.0.0+git-20190125.36a4c85-5.1	all	ipxe	1.0.0+git-20190125.36a4c85-5.1
libaio1	0.3.113-4	amd64	libaio	0.3.113-4
libcacard0	1:2.8.0-3	amd64	libcacard	1:2.8.0-3
libdaxctl1	76.1-1	amd64	ndctl	76.1-1
libfdt1	1.6.1-4+b1	amd64	device-tree-compiler	1.6.1-4
libiscsi7	1.19.0-3	amd64	libiscsi	1.19.0-3
libjpeg62-turbo	1:2.1.5-2	amd64	libjpeg-turbo	1:2.1.5-2
libndctl6	76.1-1	amd64	ndctl	76.1-1
libnuma1	2.0.16-1	amd64	numactl	2.0.16-1
libpixman-1-0	0.42.2-1	amd64	pixman	0.42.2-1
libpmem1	1.12.1-2	amd64	pmdk	1.12.1-2
libpng16-16	1.6.39-2	amd64	libpng1.6	1.6.39-2
librados2	16.2.15+ds-0+deb12u1	amd64	ceph	16.2.15+ds-0+deb12u1
librbd1	16.2.15+ds-0+deb12u1	amd64	ceph	16.2.15+ds-0+deb12u1
libslirp0	4.7.0-1	amd64	libslirp	4.7.0-1
libspice-server1	0.15.1-1	amd64	spice	0.15.1-1
liburing2	2.3-3	amd64	liburing	2.3-3
libusbredirparser1	0.13.0-2	amd64	usbredir	0.13.0-2
libvirt-clients	9.0.0-4+deb12u2	amd64	libvirt	9.0.0-4+deb12u2
libvirt-daemon	9.0.0-4+deb12u2	amd64	libvirt	9.0.0-4+deb12u2
libvirt-daemon-config-network	9.0.0-4+deb12u2	all	libvirt	9.0.0-4+deb12u2
libvirt-daemon-driver-qemu	9.0.0-4+deb12u2	amd64	libvirt	9.0.0-4+deb12u2
libvirt-daemon-system	9.0.0-4+deb12u2	amd64	libvirt	9.0.0-4+deb12u2
libvirt0	9.0.0-4+deb12u2	amd64	libvirt	9.0.0-4+deb12u2
ovmf	2022.11-6+deb12u2	all	edk2	2022.11-6+deb12u2
qemu-block-extra	1:7.2+dfsg-7+deb12u16	amd64	qemu	1:7.2+dfsg-7+deb12u16
qemu-system-common	1:7.2+dfsg-7+deb12u16	amd64	qemu	1:7.2+dfsg-7+deb12u16
qemu-system-data	1:7.2+dfsg-7+deb12u16	all	qemu	1:7.2+dfsg-7+deb12u16
qemu-system-x86	1:7.2+dfsg-7+deb12u16	amd64	qemu	1:7.2+dfsg-7+deb12u16
qemu-utils	1:7.2+dfsg-7+deb12u16	amd64	qemu	1:7.2+dfsg-7+deb12u16
seabios	1.16.2-1	all	seabios	1.16.2-1
smartmontools	7.3-pre1-1	amd64	smartmontools	7.3-pre1-1
`;
