/**
 * AlmaLinux 9.4 package groups added on top of ALMA9_CORE, by what the machine is for.
 *
 * Written for Patchward's demo seed in the layout of
 *   rpm -qa --queryformat '%{NAME}\t%{EPOCH}:%{VERSION}-%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\n'
 * (tab-separated; rpm prints `(none)` for a missing epoch, and for gpg-pubkey's arch and source).
 * Names and versions are real AlmaLinux 9.4 ones, picked by hand; no machine's listing was copied.
 * Parse with `parseSeedListing(text, 'rpm')`.
 */

/** Admin tools, git, Python and Perl: on VMs and images, not on hypervisor hosts. */
export const ALMA9_STANDARD = `bash-completion	1:2.11-5.el9	noarch	bash-completion-2.11-5.el9.src.rpm
bind-libs	32:9.16.23-18.el9_4.6	x86_64	bind-9.16.23-18.el9_4.6.src.rpm
bind-license	32:9.16.23-18.el9_4.6	noarch	bind-9.16.23-18.el9_4.6.src.rpm
bind-utils	32:9.16.23-18.el9_4.6	x86_64	bind-9.16.23-18.el9_4.6.src.rpm
cloud-init	(none):23.4-7.el9_4.alma.1	noarch	cloud-init-23.4-7.el9_4.alma.1.src.rpm
cloud-utils-growpart	(none):0.33-1.el9	x86_64	cloud-utils-growpart-0.33-1.el9.src.rpm
git	(none):2.43.5-1.el9_4	x86_64	git-2.43.5-1.el9_4.src.rpm
git-core	(none):2.43.5-1.el9_4	x86_64	git-2.43.5-1.el9_4.src.rpm
git-core-doc	(none):2.43.5-1.el9_4	noarch	git-2.43.5-1.el9_4.src.rpm
gpm-libs	(none):1.20.7-29.el9	x86_64	gpm-1.20.7-29.el9.src.rpm
jq	(none):1.6-16.el9	x86_64	jq-1.6-16.el9.src.rpm
lsof	(none):4.94.0-3.el9	x86_64	lsof-4.94.0-3.el9.src.rpm
net-tools	(none):2.0-0.64.20160912git.el9	x86_64	net-tools-2.0-0.64.20160912git.el9.src.rpm
nmap-ncat	3:7.92-2.el9	x86_64	nmap-7.92-2.el9.src.rpm
oniguruma	(none):6.9.6-1.el9.5	x86_64	oniguruma-6.9.6-1.el9.5.src.rpm
perl-Carp	(none):1.50-460.el9	noarch	perl-Carp-1.50-460.el9.src.rpm
perl-Error	1:0.17029-7.el9	noarch	perl-Error-0.17029-7.el9.src.rpm
perl-Exporter	(none):5.74-461.el9	noarch	perl-Exporter-5.74-461.el9.src.rpm
perl-File-Path	(none):2.18-4.el9	noarch	perl-File-Path-2.18-4.el9.src.rpm
perl-Getopt-Long	1:2.52-4.el9	noarch	perl-Getopt-Long-2.52-4.el9.src.rpm
perl-Git	(none):2.43.5-1.el9_4	noarch	git-2.43.5-1.el9_4.src.rpm
perl-Scalar-List-Utils	4:1.56-461.el9	x86_64	perl-Scalar-List-Utils-1.56-461.el9.src.rpm
perl-TermReadKey	(none):2.38-11.el9	x86_64	perl-TermReadKey-2.38-11.el9.src.rpm
perl-constant	(none):1.33-461.el9	noarch	perl-constant-1.33-461.el9.src.rpm
perl-interpreter	4:5.32.1-481.el9	x86_64	perl-5.32.1-481.el9.src.rpm
perl-lib	(none):0.65-481.el9	x86_64	perl-5.32.1-481.el9.src.rpm
perl-libs	4:5.32.1-481.el9	x86_64	perl-5.32.1-481.el9.src.rpm
python3-attrs	(none):20.3.0-7.el9	noarch	python-attrs-20.3.0-7.el9.src.rpm
python3-audit	(none):3.1.2-2.el9	x86_64	audit-3.1.2-2.el9.src.rpm
python3-babel	(none):2.9.1-2.el9	noarch	babel-2.9.1-2.el9.src.rpm
python3-chardet	(none):4.0.0-5.el9	noarch	python-chardet-4.0.0-5.el9.src.rpm
python3-configobj	(none):5.0.6-25.el9	noarch	python-configobj-5.0.6-25.el9.src.rpm
python3-dateutil	1:2.8.1-7.el9	noarch	python-dateutil-2.8.1-7.el9.src.rpm
python3-dbus	(none):1.2.18-2.el9	x86_64	dbus-python-1.2.18-2.el9.src.rpm
python3-distro	(none):1.5.0-7.el9	noarch	python-distro-1.5.0-7.el9.src.rpm
python3-dnf	(none):4.14.0-9.el9.alma	noarch	dnf-4.14.0-9.el9.alma.src.rpm
python3-dnf-plugins-core	(none):4.3.0-13.el9	noarch	dnf-plugins-core-4.3.0-13.el9.src.rpm
python3-firewall	(none):1.3.4-1.el9	noarch	firewalld-1.3.4-1.el9.src.rpm
python3-gobject-base	(none):3.40.1-6.el9	x86_64	pygobject3-3.40.1-6.el9.src.rpm
python3-gpg	(none):1.15.1-6.el9	x86_64	gpgme-1.15.1-6.el9.src.rpm
python3-hawkey	(none):0.69.0-8.el9.alma.1	x86_64	libdnf-0.69.0-8.el9.alma.1.src.rpm
python3-idna	(none):2.10-7.el9_4.1	noarch	python-idna-2.10-7.el9_4.1.src.rpm
python3-jinja2	(none):2.11.3-5.el9	noarch	python-jinja2-2.11.3-5.el9.src.rpm
python3-jsonpatch	(none):1.21-16.el9	noarch	python-jsonpatch-1.21-16.el9.src.rpm
python3-jsonpointer	(none):2.0-4.el9	noarch	python-jsonpointer-2.0-4.el9.src.rpm
python3-jsonschema	(none):3.2.0-13.el9	noarch	python-jsonschema-3.2.0-13.el9.src.rpm
python3-libcomps	(none):0.1.18-1.el9	x86_64	libcomps-0.1.18-1.el9.src.rpm
python3-libdnf	(none):0.69.0-8.el9.alma.1	x86_64	libdnf-0.69.0-8.el9.alma.1.src.rpm
python3-libselinux	(none):3.6-1.el9	x86_64	libselinux-3.6-1.el9.src.rpm
python3-libsemanage	(none):3.6-1.el9	x86_64	libsemanage-3.6-1.el9.src.rpm
python3-markupsafe	(none):1.1.1-12.el9	x86_64	python-markupsafe-1.1.1-12.el9.src.rpm
python3-netifaces	(none):0.10.6-15.el9	x86_64	python-netifaces-0.10.6-15.el9.src.rpm
python3-nftables	1:1.0.9-1.el9	x86_64	nftables-1.0.9-1.el9.src.rpm
python3-oauthlib	(none):3.1.1-5.el9	noarch	python-oauthlib-3.1.1-5.el9.src.rpm
python3-policycoreutils	(none):3.6-2.1.el9	noarch	policycoreutils-3.6-2.1.el9.src.rpm
python3-prettytable	(none):0.7.2-27.el9	noarch	python-prettytable-0.7.2-27.el9.src.rpm
python3-pyrsistent	(none):0.17.3-8.el9	x86_64	python-pyrsistent-0.17.3-8.el9.src.rpm
python3-pyserial	(none):3.4-12.el9	noarch	pyserial-3.4-12.el9.src.rpm
python3-pysocks	(none):1.7.1-12.el9	noarch	python-pysocks-1.7.1-12.el9.src.rpm
python3-pytz	(none):2021.1-5.el9	noarch	pytz-2021.1-5.el9.src.rpm
python3-pyyaml	(none):5.4.1-6.el9	x86_64	PyYAML-5.4.1-6.el9.src.rpm
python3-requests	(none):2.25.1-8.el9	noarch	python-requests-2.25.1-8.el9.src.rpm
python3-rpm	(none):4.16.1.3-29.el9	x86_64	rpm-4.16.1.3-29.el9.src.rpm
python3-setools	(none):4.4.4-1.el9	x86_64	setools-4.4.4-1.el9.src.rpm
python3-setuptools	(none):53.0.0-12.el9_4.1	noarch	python-setuptools-53.0.0-12.el9_4.1.src.rpm
python3-six	(none):1.15.0-9.el9	noarch	python-six-1.15.0-9.el9.src.rpm
python3-urllib3	(none):1.26.5-5.el9_4.1	noarch	python-urllib3-1.26.5-5.el9_4.1.src.rpm
qemu-guest-agent	17:8.2.0-11.el9_4.6	x86_64	qemu-kvm-8.2.0-11.el9_4.6.src.rpm
rsync	(none):3.2.3-19.el9_4.1	x86_64	rsync-3.2.3-19.el9_4.1.src.rpm
strace	(none):5.18-2.el9	x86_64	strace-5.18-2.el9.src.rpm
tcpdump	14:4.99.0-9.el9	x86_64	tcpdump-4.99.0-9.el9.src.rpm
tmux	(none):3.2a-5.el9	x86_64	tmux-3.2a-5.el9.src.rpm
unzip	(none):6.0-56.el9	x86_64	unzip-6.0-56.el9.src.rpm
vim-common	2:8.2.2637-20.el9_1	x86_64	vim-8.2.2637-20.el9_1.src.rpm
vim-enhanced	2:8.2.2637-20.el9_1	x86_64	vim-8.2.2637-20.el9_1.src.rpm
vim-filesystem	2:8.2.2637-20.el9_1	noarch	vim-8.2.2637-20.el9_1.src.rpm
wget	(none):1.21.1-8.el9_4	x86_64	wget-1.21.1-8.el9_4.src.rpm
yum-utils	(none):4.3.0-13.el9	noarch	dnf-plugins-core-4.3.0-13.el9.src.rpm
zip	(none):3.0-35.el9	x86_64	zip-3.0-35.el9.src.rpm
`;

/** Web front ends (nginx). */
export const ALMA9_WEB = `almalinux-logos-httpd	(none):90.5.1-1.1.el9	noarch	almalinux-logos-90.5.1-1.1.el9.src.rpm
nginx	1:1.20.1-16.el9_4.1	x86_64	nginx-1.20.1-16.el9_4.1.src.rpm
nginx-core	1:1.20.1-16.el9_4.1	x86_64	nginx-1.20.1-16.el9_4.1.src.rpm
nginx-filesystem	1:1.20.1-16.el9_4.1	noarch	nginx-1.20.1-16.el9_4.1.src.rpm
`;

/** Database servers (PostgreSQL 13 from AppStream). */
export const ALMA9_DB = `libicu	(none):67.1-9.el9	x86_64	icu-67.1-9.el9.src.rpm
libxslt	(none):1.1.34-9.el9	x86_64	libxslt-1.1.34-9.el9.src.rpm
postgresql	(none):13.16-1.el9	x86_64	postgresql-13.16-1.el9.src.rpm
postgresql-contrib	(none):13.16-1.el9	x86_64	postgresql-13.16-1.el9.src.rpm
postgresql-private-libs	(none):13.16-1.el9	x86_64	postgresql-13.16-1.el9.src.rpm
postgresql-server	(none):13.16-1.el9	x86_64	postgresql-13.16-1.el9.src.rpm
uuid	(none):1.6.2-55.el9	x86_64	uuid-1.6.2-55.el9.src.rpm
`;

/** JVM application servers (OpenJDK 17). */
export const ALMA9_JAVA = `copy-jdk-configs	(none):4.0-3.el9	noarch	copy-jdk-configs-4.0-3.el9.src.rpm
java-17-openjdk-headless	1:17.0.13.0.11-3.el9.alma.1	x86_64	java-17-openjdk-17.0.13.0.11-3.el9.alma.1.src.rpm
javapackages-filesystem	(none):6.0.0-4.el9	noarch	javapackages-tools-6.0.0-4.el9.src.rpm
lksctp-tools	(none):1.0.19-3.el9_4	x86_64	lksctp-tools-1.0.19-3.el9_4.src.rpm
nspr	(none):4.35.0-7.el9_4	x86_64	nss-3.90.0-7.el9_4.src.rpm
nss	(none):3.90.0-7.el9_4	x86_64	nss-3.90.0-7.el9_4.src.rpm
nss-softokn	(none):3.90.0-7.el9_4	x86_64	nss-3.90.0-7.el9_4.src.rpm
nss-softokn-freebl	(none):3.90.0-7.el9_4	x86_64	nss-3.90.0-7.el9_4.src.rpm
nss-sysinit	(none):3.90.0-7.el9_4	x86_64	nss-3.90.0-7.el9_4.src.rpm
nss-util	(none):3.90.0-7.el9_4	x86_64	nss-3.90.0-7.el9_4.src.rpm
tzdata-java	(none):2024b-2.el9	noarch	tzdata-2024b-2.el9.src.rpm
`;

/** Caches and queues (Redis). */
export const ALMA9_CACHE = `redis	(none):6.2.7-1.el9	x86_64	redis-6.2.7-1.el9.src.rpm
`;

/** Python batch workers. */
export const ALMA9_BATCH = `python3-pip	(none):21.2.3-8.el9	noarch	python-pip-21.2.3-8.el9.src.rpm
`;

/** KVM hypervisor hosts (qemu-kvm, libvirt, firmware, microcode). */
export const ALMA9_HOST = `capstone	(none):4.0.2-10.el9	x86_64	capstone-4.0.2-10.el9.src.rpm
cyrus-sasl-gssapi	(none):2.1.27-21.el9	x86_64	cyrus-sasl-2.1.27-21.el9.src.rpm
dnsmasq	(none):2.85-16.el9_4	x86_64	dnsmasq-2.85-16.el9_4.src.rpm
edk2-ovmf	(none):20231122-6.el9_4.3	noarch	edk2-20231122-6.el9_4.3.src.rpm
ipmitool	(none):1.8.18-27.el9	x86_64	ipmitool-1.8.18-27.el9.src.rpm
ipxe-roms-qemu	(none):20200823-9.git4bd064de.el9	noarch	ipxe-20200823-9.git4bd064de.el9.src.rpm
libfdt	(none):1.6.0-7.el9	x86_64	dtc-1.6.0-7.el9.src.rpm
libpmem	(none):1.12.1-1.el9	x86_64	pmdk-1.12.1-1.el9.src.rpm
libslirp	(none):4.4.0-8.el9	x86_64	libslirp-4.4.0-8.el9.src.rpm
libtpms	(none):0.9.1-3.20211126git1ff6fe1f43.el9_2	x86_64	libtpms-0.9.1-3.20211126git1ff6fe1f43.el9_2.src.rpm
libusbx	(none):1.0.26-1.el9	x86_64	libusbx-1.0.26-1.el9.src.rpm
libvirt-client	(none):10.0.0-6.el9_4	x86_64	libvirt-10.0.0-6.el9_4.src.rpm
libvirt-daemon	(none):10.0.0-6.el9_4	x86_64	libvirt-10.0.0-6.el9_4.src.rpm
libvirt-daemon-common	(none):10.0.0-6.el9_4	x86_64	libvirt-10.0.0-6.el9_4.src.rpm
libvirt-daemon-config-network	(none):10.0.0-6.el9_4	x86_64	libvirt-10.0.0-6.el9_4.src.rpm
libvirt-daemon-driver-qemu	(none):10.0.0-6.el9_4	x86_64	libvirt-10.0.0-6.el9_4.src.rpm
libvirt-daemon-kvm	(none):10.0.0-6.el9_4	x86_64	libvirt-10.0.0-6.el9_4.src.rpm
libvirt-libs	(none):10.0.0-6.el9_4	x86_64	libvirt-10.0.0-6.el9_4.src.rpm
linux-firmware	(none):20240716-143.2.el9_4	noarch	linux-firmware-20240716-143.2.el9_4.src.rpm
linux-firmware-whence	(none):20240716-143.2.el9_4	noarch	linux-firmware-20240716-143.2.el9_4.src.rpm
microcode_ctl	4:20240531-1.el9_4	noarch	microcode_ctl-20240531-1.el9_4.src.rpm
numad	(none):0.5-37.20150602git.el9	x86_64	numad-0.5-37.20150602git.el9.src.rpm
pixman	(none):0.40.0-6.el9_3	x86_64	pixman-0.40.0-6.el9_3.src.rpm
qemu-img	17:8.2.0-11.el9_4.6	x86_64	qemu-kvm-8.2.0-11.el9_4.6.src.rpm
qemu-kvm	17:8.2.0-11.el9_4.6	x86_64	qemu-kvm-8.2.0-11.el9_4.6.src.rpm
qemu-kvm-block-rbd	17:8.2.0-11.el9_4.6	x86_64	qemu-kvm-8.2.0-11.el9_4.6.src.rpm
qemu-kvm-common	17:8.2.0-11.el9_4.6	x86_64	qemu-kvm-8.2.0-11.el9_4.6.src.rpm
qemu-kvm-core	17:8.2.0-11.el9_4.6	x86_64	qemu-kvm-8.2.0-11.el9_4.6.src.rpm
seabios-bin	(none):1.16.3-2.el9	noarch	seabios-1.16.3-2.el9.src.rpm
seavgabios-bin	(none):1.16.3-2.el9	noarch	seabios-1.16.3-2.el9.src.rpm
swtpm	(none):0.8.0-2.el9_4	x86_64	swtpm-0.8.0-2.el9_4.src.rpm
swtpm-libs	(none):0.8.0-2.el9_4	x86_64	swtpm-0.8.0-2.el9_4.src.rpm
usbredir	(none):0.13.0-2.el9	x86_64	usbredir-0.13.0-2.el9.src.rpm
`;
