#!/bin/sh
# Installs the Debian packages taiyaku builds with, when any is missing.
# Uses apt-get as root (or through passwordless sudo); otherwise prints the
# exact command and fails.
pkgs="libicu-dev libyaml-dev libcmocka-dev libxml2-dev pkg-config libxml2-utils gettext libjansson-dev parallel"
# round-trip consumers (tests/cli/tm.sh, xliff.sh, omegat.sh): OmegaT, pocount
pkgs="$pkgs omegat translate-toolkit nodejs"
# XLSX: libxlsxwriter to write, openpyxl and LibreOffice to read back
pkgs="$pkgs libxlsxwriter-dev python3-openpyxl libreoffice-calc-nogui"
# DOCX: python-docx reads the Word table back (tests/cli/docx.sh)
pkgs="$pkgs python3-docx"
# JSON: the shipped schema checked with jsonschema
pkgs="$pkgs python3-jsonschema"
# npm comes with some builds of nodejs, and is a package of its own in Debian
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
# `make lint` (deps.sh lint): the formatter and the static analyser
[ "${1:-}" = lint ] && pkgs="$pkgs clang-format cppcheck"
# Markdown reading; pandoc makes the HTML test fixtures (tests/cli/formats.sh)
pkgs="$pkgs libcmark-dev pandoc"
# DOCX/ODT/PDF readers, and the producers their tests convert with
pkgs="$pkgs libzip-dev libpoppler-glib-dev libreoffice-writer-nogui pandoc unzip"
# `make sizes` (scripts/check_size.sh): function lengths from Universal Ctags
pkgs="$pkgs universal-ctags"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "taiyaku: installing:$missing" >&2
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "taiyaku: missing packages; run: sudo apt-get install -y$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y $missing >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null 2>&1
  $SUDO apt-get install -y $missing >&2 || {
    echo "taiyaku: apt-get failed; run: sudo apt-get install -y$missing" >&2
    exit 1
  }
}
