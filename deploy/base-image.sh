#!/bin/sh
# A distroless-style Java 17 base image built from Debian 12 packages, for Jib's tar:// base (issue 14, item 6):
# the same idea as gcr.io/distroless/java17-debian12 (the packages' files unpacked, no package manager, no shell
# scripts run), so that the image builds where only Debian's mirrors and Maven Central are reachable.
#
#   deploy/base-image.sh [target/base-image.tar]
#
# Needs a Debian 12 (bookworm) host with apt (for `apt-get download`) and python3. The result is a `docker save`
# tarball with one layer: Java 17 (OpenJDK from Debian) on /usr/bin/java, the C and C++ runtimes, the image
# libraries the thumbnails use, CA certificates, time zones, /bin/sh (dash: the embedded PostgreSQL needs a shell),
# a user `nonroot` (65532) and /data owned by it.
set -eu

out=$(realpath -m "${1:-target/base-image.tar}")
if [ -s "$out" ]; then
	echo "base image: $out (exists)"
	exit 0
fi

# openjdk-17-jre-headless and what its libraries link to (ldd), as in distroless; fonts: DejaVu, and WenQuanYi Zen Hei
# for the evidence package's Chinese PDF (holdfast.evidence.font finds it at its Debian path); for the
# embedded PostgreSQL (no SPRING_DATASOURCE_URL) a shell (dash) and libc-bin's C.UTF-8 locale, which initdb asks for
packages="base-files netbase tzdata ca-certificates libc6 libgcc-s1 gcc-12-base libstdc++6 zlib1g libssl3
	openjdk-17-jre-headless libfreetype6 libpng16-16 libbrotli1 libharfbuzz0b libglib2.0-0 libpcre2-8-0 libffi8
	libmount1 libblkid1 libselinux1 libgraphite2-3 libjpeg62-turbo liblcms2-2 libpcsclite1 libasound2
	libfontconfig1 fontconfig-config fonts-dejavu-core fonts-wqy-zenhei libexpat1 dash libc-bin"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debs" "$work/root"
(cd "$work/debs" && apt-get download $packages >/dev/null)
for deb in "$work"/debs/*.deb; do
	dpkg-deb -x "$deb" "$work/root"
done

root="$work/root"
jre=/usr/lib/jvm/java-17-openjdk-amd64
mkdir -p "$root/usr/bin" "$root/tmp" "$root/data" "$root/home/nonroot" "$root/etc/ssl/certs/java"
ln -sf "$jre/bin/java" "$root/usr/bin/java"
# the one shell, because the embedded PostgreSQL (no SPRING_DATASOURCE_URL) runs its server through /bin/sh
ln -sf "$(cd "$root" && ls bin/dash usr/bin/dash 2>/dev/null | head -1 | sed 's|^|/|')" "$root/bin/sh"
chmod 1777 "$root/tmp"
# Java's trust store: Debian generates it when ca-certificates-java is installed; take this host's
if [ -f /etc/ssl/certs/java/cacerts ]; then
	cp /etc/ssl/certs/java/cacerts "$root/etc/ssl/certs/java/cacerts"
fi
cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
# host names from /etc/hosts (the container runtime writes it), then DNS
echo 'hosts: files dns' > "$root/etc/nsswitch.conf"
cat > "$root/etc/group" <<'EOF'
root:x:0:
nobody:x:65534:
nonroot:x:65532:
EOF
chown 65532:65532 "$root/data" "$root/home/nonroot"
rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/info" "$root/usr/share/lintian"

python3 - "$root" "$out" "$jre" <<'EOF'
import hashlib, io, json, os, sys, tarfile

root, out, jre = sys.argv[1:4]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(dirs + files):
            path = os.path.join(directory, name)
            info = tar.gettarinfo(path, arcname=os.path.relpath(path, root))
            info.mtime = 0
            info.uname = info.gname = ""
            if info.isfile():
                with open(path, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
config = {
    "architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z",
    "config": {"User": "65532", "WorkingDir": "/home/nonroot",
               "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:" + jre + "/bin",
                       "JAVA_HOME=" + jre, "LANG=C.UTF-8"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/base-image.sh"}],
}
config_bytes = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = json.dumps([{"Config": config_name, "RepoTags": ["holdfast-base:java17-debian12"],
                        "Layers": ["layer.tar"]}]).encode()
os.makedirs(os.path.dirname(out), exist_ok=True)
with tarfile.open(out, mode="w") as image:
    for name, data in (("layer.tar", layer_bytes), (config_name, config_bytes), ("manifest.json", manifest)):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        image.addfile(info, io.BytesIO(data))
print("base image:", out, len(layer_bytes) // (1024 * 1024), "MiB")
EOF
