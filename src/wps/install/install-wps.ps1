# ZiPing 自评助手：WPS 表格加载项（离线形式）安装脚本，Windows（PowerShell 5.1 及以上）。
# 把本目录中的 ziping_@VERSION@ 复制到 %APPDATA%\kingsoft\wps\jsaddons，并在 publish.xml 中登记
# （其他加载项的登记保持不变，原文件备份为 publish.xml.bak-ziping）。不需要任何服务器。
#   双击 install-wps.bat，或：powershell -ExecutionPolicy Bypass -File install-wps.ps1 [-Uninstall]
param([switch]$Uninstall, [string]$JsAddons = (Join-Path $env:APPDATA "kingsoft\wps\jsaddons"))
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$name = "ziping_@VERSION@"
New-Item -ItemType Directory -Force -Path $JsAddons | Out-Null
Get-ChildItem -Path $JsAddons -Directory -Filter "ziping_*" | Remove-Item -Recurse -Force
$pub = Join-Path $JsAddons "publish.xml"
$xml = New-Object System.Xml.XmlDocument
if (Test-Path $pub) {
  Copy-Item $pub "$pub.bak-ziping" -Force
  $xml.Load($pub)
} else {
  $xml.LoadXml("<jsplugins/>")
}
$root = $xml.DocumentElement
foreach ($node in @($root.ChildNodes)) {
  if ($node.NodeType -eq [System.Xml.XmlNodeType]::Element -and $node.GetAttribute("name") -eq "ziping") { [void]$root.RemoveChild($node) }
}
if (-not $Uninstall) {
  $e = $xml.CreateElement("jsplugin")
  $e.SetAttribute("name", "ziping")
  $e.SetAttribute("type", "et")
  $e.SetAttribute("url", $name)
  $e.SetAttribute("version", "@VERSION@")
  $e.SetAttribute("enable", "enable_dev")
  $e.SetAttribute("install", "null")
  $e.SetAttribute("customDomain", "")
  [void]$root.AppendChild($e)
}
$xml.Save($pub)
if ($Uninstall) {
  Write-Host "已卸载 ZiPing 自评助手。请重新启动 WPS。"
  exit 0
}
Copy-Item -Recurse -Force (Join-Path $here $name) (Join-Path $JsAddons $name)
Write-Host "已安装 ZiPing 自评助手 @VERSION@ 到 $JsAddons\$name"
Write-Host "请完全退出 WPS（包括任务栏右下角的 WPS 图标）后重新打开 WPS 表格。"
Write-Host "首次加载时 WPS 若询问是否信任此加载项，请选「信任」，然后再重启一次 WPS：选项卡「自评助手」随后出现。"
