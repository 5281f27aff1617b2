# bash completion for charterdash                              -*- shell-script -*-
#
# Installed as $(PREFIX)/share/bash-completion/completions/charterdash; or
# source it from ~/.bashrc. Completes subcommands and charter files (*.yaml,
# *.yml) as the first word, the dashboard's options (--today, --ascii, ...),
# each subcommand's options, milestone ids (set, rm, --id), group ids (add,
# --group), --format values (report's ics, agenda's text|markdown|json come
# from their usage lines) and set's FIELD= names. Ids come from the FILE on
# the line, or else from the one the command would use without it
# ($CHARTERDASH_FILE, else ./charter.yaml).
#
# The subcommands and their options are read from the program's own --help
# text, so a new command or option needs no change here; ids come from
# `charterdash ids FILE`. Needs nothing from the bash-completion package.

# Prints "OPTION TAKES-VALUE [VALUES]" lines for subcommand $2 of program $1,
# from its usage lines ("[--format text|markdown] [--today D]") and its
# option list ("  -n, --dry-run   ...", "  --group ID   ...").
_charterdash_options()
{
	"$1" "$2" --help 2>/dev/null | awk '
		/^usage:/ { usage = 1 }
		/^$/ { usage = 0 }
		usage {
			n = split($0, w, /[ \t]+/)
			for (i = 1; i <= n; i++) {
				t = w[i]; sub(/^\[+/, "", t)
				if (t !~ /^--?[A-Za-z]/) continue
				closed = (t ~ /\]$/); sub(/\]+$/, "", t)
				arg = 0; vals = ""
				if (!closed && i < n && w[i + 1] !~ /^[-\[]/) {
					arg = 1; v = w[i + 1]; sub(/\]+$/, "", v)
					if (v ~ /^[a-z]+(\|[a-z]+)+$/) vals = v
				}
				print t, arg, vals
			}
			next
		}
		/^  +-/ {
			line = $0; sub(/^ +/, "", line)
			short = ""
			if (line ~ /^-[A-Za-z], /) { short = substr(line, 1, 2); line = substr(line, 5) }
			if (line ~ /^-[A-Za-z]( |$)/) { short = substr(line, 1, 2); line = "" }
			long = line; sub(/[ =].*/, "", long)
			arg = (line ~ /^--[A-Za-z0-9-]+[ =][^ ]/) ? 1 : 0
			if (long ~ /^--[A-Za-z]/) print long, arg, ""
			if (short != "") print short, arg, ""
		}'
}

# The dashboard's options, from the "Dashboard: charterdash [--today ...]" line.
_charterdash_dashboard_options()
{
	"$1" --help 2>/dev/null | awk '/^Dashboard:/ {
		n = split($0, w, /[][ ]+/)
		for (i = 1; i <= n; i++) if (w[i] ~ /^--[a-z]/) print w[i]
	}'
}

# The file a command works on without FILE: as cli_file() in src/cli/cli.c.
_charterdash_default_file()
{
	printf '%s\n' "${CHARTERDASH_FILE:-charter.yaml}"
}

# The dashboard: charterdash [OPTIONS] [FILE].
_charterdash_dashboard()
{
	local prog=$1 cur=$2 prev=$3
	if [[ $prev == --today ]]; then
		_charterdash_reply "$(date +%Y-%m-%d)" "$cur" ""
	elif [[ $cur == -* ]]; then
		_charterdash_reply "$(_charterdash_dashboard_options "$prog")" "$cur" ""
	else
		_charterdash_files "$cur"
	fi
}

_charterdash_ids() # PROGRAM FILE [--groups]
{
	local file=$2
	# shellcheck disable=SC2088 # a literal "~/" as typed, expanded by hand
	[[ $file == "~/"* ]] && file=$HOME/${file#"~/"}
	file=${file//\\ / }
	[[ -f $file ]] || return
	"$1" ids ${3:+"$3"} -- "$file" 2>/dev/null
}

_charterdash_files() # CUR [keep]: keep adds to COMPREPLY instead of replacing it
{
	local cur=$1 f
	local IFS=$'\n'
	[[ ${2:-} == keep ]] || COMPREPLY=()
	for f in $(compgen -f -- "$cur"); do
		if [[ -d $f || $f == *.yaml || $f == *.yml ]]; then
			COMPREPLY+=("$f")
		fi
	done
	# Lets readline add '/' to directories and quote odd characters.
	compopt -o filenames 2>/dev/null
}

# COMPREPLY = the words of $1 (a newline-separated list) starting with $2,
# each after prefix $3.
_charterdash_reply()
{
	local words=$1 cur=$2 prefix=$3 w
	local IFS=$'\n'
	COMPREPLY=()
	for w in $words; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$prefix$w")
	done
}

_charterdash()
{
	local prog=${1:-charterdash}
	local cword=$COMP_CWORD
	local -a words=("${COMP_WORDS[@]}")
	local cur=${words[cword]} prev=
	((cword > 0)) && prev=${words[cword - 1]}
	COMPREPLY=()

	local cmds
	cmds=$("$prog" --help 2>/dev/null | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
	if ((cword == 1)); then
		if [[ $cur == -* ]]; then
			_charterdash_reply $'--help\n--version\n'"$(_charterdash_dashboard_options "$prog")" "$cur" ""
		else # a command, or the FILE the dashboard shows
			_charterdash_reply "$cmds" "$cur" ""
			_charterdash_files "$cur" keep
		fi
		return 0
	fi

	local sub=${words[1]}
	if ! grep -qx -- "$sub" <<<"$cmds"; then
		_charterdash_dashboard "$prog" "$cur" "$prev"
		return 0
	fi
	local -A takes=() values=()
	local opt arg vals alloptions=""
	while read -r opt arg vals; do
		[[ -n $opt ]] || continue
		[[ -n ${takes[$opt]+set} ]] || alloptions+=$opt$'\n'
		[[ $arg == 1 || -z ${takes[$opt]} ]] && takes[$opt]=$arg
		[[ -n $vals ]] && values[$opt]=${vals//|/$'\n'}
	done < <(_charterdash_options "$prog" "$sub")

	# Which option's value is being completed, if any. "--format=js" is one
	# word, or three ("--format" "=" "js") when '=' breaks words, as it does
	# by default.
	local valopt="" prefix=""
	if [[ $cur == "=" ]]; then
		valopt=$prev cur=""
	elif [[ $prev == "=" ]] && ((cword >= 2)); then
		valopt=${words[cword - 2]}
	elif [[ $cur == -*=* ]]; then
		valopt=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
	elif [[ -n $prev && ${takes[$prev]} == 1 ]]; then
		valopt=$prev
	fi

	# The positional arguments (FILE, ID, ...): those before the cursor say
	# what is being completed; FILE may also come after it (--group <TAB> FILE).
	local -a pos=()
	local i w file=""
	for ((i = 2; i < ${#words[@]}; i++)); do
		((i == cword)) && continue
		w=${words[i]}
		if [[ $w == "=" ]]; then
			((i++)) # the value of an option or FIELD split at '='
		elif [[ $w == -* && ${takes[$w]} == 1 ]]; then
			((i++))
			[[ ${words[i]} == "=" ]] && ((i++))
		elif [[ $w == -* ]]; then
			:
		elif [[ ${words[i + 1]} == "=" ]]; then
			((i < cword)) && pos+=("$w=") # FIELD=VALUE split at '='
		else
			[[ -z $file ]] && file=$w
			((i < cword)) && pos+=("$w")
		fi
	done

	# FILE may be left out: then the ids come from the default file, and the
	# first word is already the ID (or GROUP-ID).
	local n=${#pos[@]} named=$file
	# shellcheck disable=SC2088 # a literal "~/" as typed, expanded by hand
	[[ $named == "~/"* ]] && named=$HOME/${named#"~/"}
	if [[ -z $file || ! -f ${named//\\ / } ]]; then
		file=$(_charterdash_default_file)
		((n > 0)) && ((n++)) # the first word is the ID: count as if FILE were there
	fi
	if [[ -n $valopt && ${valopt:0:1} == - ]]; then
		case $valopt in
		--group)
			_charterdash_reply "$(_charterdash_ids "$prog" "$file" --groups)" "$cur" "$prefix" ;;
		--id)
			_charterdash_reply "$(_charterdash_ids "$prog" "$file")" "$cur" "$prefix" ;;
		--today)
			_charterdash_reply "$(date +%Y-%m-%d)" "$cur" "$prefix" ;;
		--since)
			_charterdash_reply "meeting"$'\n'"$(date +%Y-%m-%d)" "$cur" "$prefix" ;;
		--expect | -e)
			_charterdash_reply $'title=\nstatus=\ndue=\nowner=\nnotes=\ncompleted=' "$cur" "$prefix"
			compopt -o nospace 2>/dev/null ;;
		*)
			[[ -n ${values[$valopt]} ]] && _charterdash_reply "${values[$valopt]}" "$cur" "$prefix" ;;
		esac
		return 0
	fi

	if [[ $cur == -* ]]; then
		_charterdash_reply "$alloptions" "$cur" ""
		return 0
	fi

	# FIELD=VALUE: the value of a field being completed (status=<TAB>).
	local field=""
	if [[ -n $valopt ]]; then
		field=$valopt
	elif [[ $cur == *=* ]]; then
		field=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
	fi

	case $sub in
	check)
		_charterdash_files "$cur" ;;
	set | add)
		if ((n == 0)); then
			if [[ $sub == set ]]; then
				_charterdash_reply "$(_charterdash_ids "$prog" "$file")" "$cur" ""
			else
				_charterdash_reply "$(_charterdash_ids "$prog" "$file" --groups)" "$cur" ""
			fi
			_charterdash_files "$cur" keep
		elif ((n == 1)) && [[ -z $field ]]; then
			if [[ $sub == set ]]; then
				_charterdash_reply "$(_charterdash_ids "$prog" "$file")" "$cur" ""
			else
				_charterdash_reply "$(_charterdash_ids "$prog" "$file" --groups)" "$cur" ""
			fi
		elif [[ $field == status ]]; then
			_charterdash_reply $'not_started\nin_progress\nblocked\ndone' "$cur" "$prefix"
		elif [[ -z $field ]]; then
			_charterdash_reply $'title=\nstatus=\ndue=\nowner=\nnotes=\ncompleted=' "$cur" ""
			compopt -o nospace 2>/dev/null
		fi ;;
	rm)
		if ((n == 0)); then
			_charterdash_reply "$(_charterdash_ids "$prog" "$file")" "$cur" ""
			_charterdash_files "$cur" keep
		elif ((n == 1)); then
			_charterdash_reply "$(_charterdash_ids "$prog" "$file")" "$cur" ""
		fi ;;
	*)
		((n == 0)) && _charterdash_files "$cur" ;;
	esac
	return 0
}

complete -F _charterdash charterdash
