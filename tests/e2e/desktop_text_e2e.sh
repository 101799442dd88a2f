#!/usr/bin/env bash
# The desktop app with text beyond the embedded font and with recovery copies, under Xvfb:
#  - a plan in Japanese, Chinese and emoji draws every character (fallback fonts found through
#    fontconfig; missing glyphs = 0) and text typed into a field (CJK, emoji) is saved byte for byte;
#    screenshot ARTIFACT_DIR/desktop-cjk.png;
#  - `--plan FILE` leaves other plans' recovery copies alone and reopens FILE's own copy as unsaved.
#   tests/e2e/desktop_text_e2e.sh BUILD_DIR ARTIFACT_DIR
set -u
build=$1 artifacts=$2
bin=$build/native/relplan-desktop
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts" "$work/config/recovery"
failed=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failed=1; }
run() {  # run ARGS... : the app under Xvfb, bounded
  RELPLAN_CONFIG_DIR=$work/config RELPLAN_FILE_DIALOG=builtin xvfb-run -a -s "-screen 0 1440x900x24" \
    timeout 120 "$bin" --theme light --size 1440x900 "$@"
}

node -e '
const fs = require("fs");
const p = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
p.project.name = "リリース計画 版本管理 🚀✅";
p.releases[0].name = "春季发布 🌸 プレビュー";
fs.writeFileSync(process.argv[2], JSON.stringify(p, null, 2));
' "$here/../../assets/examples/acme.plan.json" "$work/cjk.plan.json"

cat > "$work/cjk.txt" <<'SCRIPT'
wait 12
expect-fact missing_glyphs 0
expect-fact fallback_fonts !0
click tab.Release
wait 4
shot desktop-cjk
click editor.name
key end
type 日本語✓🎉👍🏽
key enter
wait 4
expect-fact missing_glyphs 0
export typed.plan.json
SCRIPT
run --plan "$work/cjk.plan.json" --script "$work/cjk.txt" --out "$work" || fail "the CJK script failed (see above)"
if [ -f "$work/desktop-cjk.png" ]; then cp "$work/desktop-cjk.png" "$artifacts/desktop-cjk.png"; ok "CJK screenshot written"
else fail "no CJK screenshot"; fi
if node -e '
const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
process.exit(p.releases.some((r) => (r.name || "").endsWith("日本語✓🎉👍🏽")) ? 0 : 1);
' "$work/typed.plan.json" 2>/dev/null; then ok "typed CJK and emoji are saved byte for byte"
else fail "typed CJK and emoji did not reach the exported plan intact"; fi

# Recovery copies: another plan's copy survives a --plan start; the plan's own copy is reopened.
echo '{"format":{"name":"relplan","version":1},"project":{"name":"Other work"}}' > "$work/config/recovery/%2Fsomewhere%2Fother.plan.json.json"
plan=$(cd "$work" && pwd)/cjk.plan.json
sed 's/"リリース計画/"Recovered リリース計画/' "$plan" > "$work/config/recovery/$(printf '%s' "$plan" | sed 's/%/%25/g; s#/#%2F#g').json"
cat > "$work/recover.txt" <<'SCRIPT'
wait 5
expect-fact message Recovered unsaved work
expect-fact dirty true
expect-fact project ~Recovered
SCRIPT
run --plan "$plan" --script "$work/recover.txt" --out "$work" || fail "the recovery script failed (see above)"
[ -f "$work/config/recovery/%2Fsomewhere%2Fother.plan.json.json" ] && ok "--plan FILE leaves another plan's recovery copy alone" \
  || fail "--plan FILE deleted another plan's recovery copy"
[ -n "$(ls "$work/config/recovery" | grep -v other)" ] && ok "the reopened copy stays until the plan is saved" \
  || fail "the reopened recovery copy was deleted before any save"

[ $failed = 0 ] && echo "desktop text and recovery: all passed" || echo "desktop text and recovery: FAILED"
exit $failed
