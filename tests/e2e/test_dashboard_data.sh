#!/bin/sh
# e2e: the dashboard on charters other than the shipped one: 50 groups (the
# grid scrolls to the focused pane), empty groups, very long names and
# titles, UTF-8 with double-width characters (borders stay aligned), and
# keys the dashboard does not know (shown read-only in the detail view).
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_data
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

# --- 50 groups, every fifth one empty ---------------------------------------------
big="$tmp/fifty.yaml"
{
	printf 'charter:\n  title: Fifty working groups\n  signed: 2026-02-09\nworking_groups:\n'
	g=1
	while [ "$g" -le 50 ]; do
		printf '  - id: g%02d\n    name: Working group %02d\n' "$g" "$g"
		n=$((g % 5))
		if [ "$n" -gt 0 ]; then
			printf '    milestones:\n'
			m=1
			while [ "$m" -le "$n" ]; do
				case $(((g + m) % 4)) in
				0) st=done ;; 1) st=in_progress ;; 2) st=blocked ;; *) st=not_started ;;
				esac
				printf '      - id: g%02d-m%d\n        title: Milestone %d of group %d\n' "$g" "$m" "$m" "$g"
				printf '        status: %s\n        due: 2026-%02d-15\n' "$st" $((m * 2 + 1))
				m=$((m + 1))
			done
		fi
		g=$((g + 1))
	done
} >"$big"
"$bin" check "$big" >/dev/null || fail "the generated 50-group charter is not valid"

start 200 60 --today "$TODAY" "$big"
wait_for "Fifty working groups" || finish
# meters (one line of chrome: boxes of three would show 33 groups): all fifty
wait_for "Working group 50"
lacks "groups 1-" "the grid's position while every group shows"
check_against_report "$big"
check_alignment 200
has "no milestones yet" "an empty group"
keys -N 49 Tab
wait_for "▶ Working group 50"
check_against_report "$big"
check_alignment 200
keys Enter
wait_for "No milestone selected here" # group 50 is empty
keys BTab Enter
wait_for "Milestone g49-m1"
keys Escape
wait_gone "Milestone g49"
keys Tab Tab # to the last group, then wraps to the first
wait_for "▶ Working group 01"
keys q
expect_exit 0 "50 groups"

# 80x24: j flows from a pane into the one below
start 80 24 --today "$TODAY" "$big"
wait_for "Working group 01"
has "groups 1-" "80x24 with 50 groups"
# two columns: g01 (1 milestone) sits above g03 (3): j goes down into it;
# g03 in attention order: m2 (overdue since March), m3, then the done m1
keys j j Enter
wait_for "Milestone g03-m3"
keys Escape G
check_alignment 80
keys q
expect_exit 0 "50 groups at 80x24"

# --- long names, UTF-8, double width, unknown keys, empty groups ------------------------
odd="$tmp/odd.yaml"
long_name="The Extraordinarily Long Named Joint Working Group on Everything Related to Cooperation, Coordination, Consultation and Continuous Communication Between Both Parties"
long_title="A very long milestone title that goes on and on, describing in great detail what the group intends to do, why, with whom, and when, so that no terminal can show it on one line and it must be truncated in the pane and wrapped in the detail view END-OF-TITLE"
cat >"$odd" <<EOF
charter:
  title: "Xartiya: Bakı–Vaşinqton strateji tərəfdaşlıq — 中文测试"
  signed: 2026-02-09
working_groups:
  - id: long
    name: "$long_name"
    milestones:
      - id: long-1
        title: "$long_title"
        status: in_progress
        due: 2026-12-01
        owner: "An owner whose name is also far too long to fit in any column of any reasonable terminal window"
        budget: 1200000
        links: [https://example.org/a, https://example.org/b]
        contacts:
          - name: Aysel Məmmədova
            role: secretary
      - id: long-2
        title: Short one
        status: done
  - id: utf
    name: "Rəqəmsal inkişaf — 数字发展"
    milestones:
      - id: utf-1
        title: "中文标题测试里程碑：双宽字符对齐检查一二三四五六七八九十"
        status: blocked
        due: 2026-10-01
      - id: utf-2
        title: "İlham Əliyev ilə görüş Bakıda, ğ ş ç ö ü ı"
        status: not_started
        notes: "Qeyd: görüş 2027-ci ildə; 注释也可以是中文。"
      - id: utf-3
        title: "e\u0301 combining accent and tab\there"
        status: done
  - id: empty
    name: No milestones here
  - id: empty-list
    name: Empty list
    milestones: []
EOF
"$bin" check "$odd" >/dev/null || fail "the UTF-8 fixture is not valid"

for size in "120 40" "80 24" "40 10"; do
	w=${size% *} h=${size#* }
	start "$w" "$h" --today "$TODAY" "$odd"
	wait_for "Overall" || continue
	check_alignment "$w"
	if [ "$w" -ge 80 ]; then
		check_against_report "$odd" --some
		has "Xartiya: Bakı–Vaşinqton" "UTF-8 title at $w"
	fi
	if [ "$w" -eq 120 ]; then
		check_against_report "$odd"
		has "no milestones yet" "empty groups"
		has "中文标题测试" "double-width title"
		has "…" "truncated names"
	fi
	keys q
	expect_exit 0 "UTF-8 fixture at ${w}x$h"
done

start 120 40 --today "$TODAY" "$odd"
wait_for "Overall"
keys Enter
wait_for "Milestone long-1"
has "END-OF-TITLE" "the whole long title in the detail view"
has "Other keys in the file" "unknown keys"
has "budget    1200000" "a scalar unknown key"
has "[https://example.org/a, https://example.org/b]" "a flow sequence, as written"
has "- name: Aysel Məmmədova" "a block sequence, as written"
has "role: secretary" "nested keys"
check_alignment 120
keys Escape Tab Enter # utf-2 first: overdue since the deadline, before utf-1
wait_for "Milestone utf-2"
has "Qeyd: görüş 2027-ci ildə; 注释也可以是中文。" "UTF-8 notes"
keys Escape /
keys -l "ƏLİYEV"
wait_for "/ƏLİYEV  1 match"
keys Enter
wait_for "/ƏLİYEV: 1 of 1"
keys q
expect_exit 0 "detail and search on the UTF-8 fixture"

finish
