#!/bin/sh
# ZiPing 自评助手：WPS 表格加载项（离线形式）安装脚本，Linux（WPS for Linux、统信 UOS、麒麟）。
# 把本目录中的 ziping_@VERSION@ 复制到当前用户的 WPS 加载项目录，并在 publish.xml 中登记
# （其他加载项的登记保持不变，原文件备份为 publish.xml.bak-ziping）。不需要任何服务器。
#   sh install-wps.sh              安装（或升级）
#   sh install-wps.sh --uninstall  卸载
# 目录可用环境变量 ZIPING_JSADDONS 指定（默认 ~/.local/share/Kingsoft/wps/jsaddons）。
set -e
here=$(cd "$(dirname "$0")" && pwd)
name="ziping_@VERSION@"
dir="${ZIPING_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
entry='<jsplugin name="ziping" type="et" url="ziping_@VERSION@" version="@VERSION@" enable="enable_dev" install="null" customDomain=""/>'
mkdir -p "$dir"
# Earlier versions of the add-in go first.
for old in "$dir"/ziping_*; do
  [ -d "$old" ] && rm -rf "$old"
done
pub="$dir/publish.xml"
if [ -f "$pub" ] && grep -q "<jsplugins" "$pub"; then
  cp "$pub" "$pub.bak-ziping"
  ZIPING_ENTRY="$entry" ZIPING_REMOVE="${1:-}" perl -0pi -e '
    s{[ \t]*<jsplugin(?:online)?\b[^>]*\bname="ziping"[^>]*?/>[ \t]*\r?\n?}{}g;
    s{<jsplugins\s*/>}{<jsplugins>\n</jsplugins>};
    s{</jsplugins>}{  $ENV{ZIPING_ENTRY}\n</jsplugins>} unless $ENV{ZIPING_REMOVE} eq "--uninstall";
  ' "$pub"
elif [ "${1:-}" != "--uninstall" ]; then
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  %s\n</jsplugins>\n' "$entry" > "$pub"
fi
if [ "${1:-}" = "--uninstall" ]; then
  echo "已卸载 ZiPing 自评助手。请重新启动 WPS。"
  exit 0
fi
cp -R "$here/$name" "$dir/$name"
echo "已安装 ZiPing 自评助手 @VERSION@ 到 $dir/$name"
echo "请完全退出 WPS（有 quickstartoffice 的系统先运行 quickstartoffice restart）后重新打开 WPS 表格。"
echo "首次加载时 WPS 若询问是否信任此加载项，请选「信任」，然后再重启一次 WPS：选项卡「自评助手」随后出现。"
