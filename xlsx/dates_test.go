package xlsx

import "testing"

func TestFormatKind(t *testing.T) {
	for _, c := range []struct {
		code string
		want dateKind
	}{
		{"yyyy-mm", monthShown},
		{"mmm-yy", monthShown},
		{`yyyy"年"m"月"`, monthShown},
		{`[$-804]yyyy"年"m"月";@`, monthShown},
		{`[DBNum1][$-804]yyyy"年"m"月"`, monthShown},
		{"mmmm yyyy", monthShown},
		{"yyyy-mm-dd", dayShown},
		{"yyyy/m/d", dayShown},
		{`yyyy"年"m"月"d"日"`, dayShown},
		{"m/d/yy h:mm", dayShown},
		{"yyyy-mm-dd hh:mm:ss", dayShown},
		{"d-mmm", dayShown},
		{"[$-F800]dddd, mmmm dd, yyyy", dayShown},
		{"yyyy", yearShown},
		{`yyyy"年"`, yearShown},
		{"e", yearShown},
		{"General", notDate},
		{"0", notDate},
		{"#,##0.00", notDate},
		{"0.00E+00", notDate},
		{"0%", notDate},
		{"@", notDate},
		{`0"名"`, notDate},
		{`#,##0" persons"`, notDate}, // letters in quotes are text
		{`0\m`, notDate},             // an escaped letter is text
		{"h:mm", notDate},            // minutes after an hour
		{"mm:ss", notDate},           // minutes before seconds
		{"[h]:mm:ss", notDate},
		{"[mm]:ss", notDate},
		{"h:mm AM/PM", notDate},
		{"[Red]0.00", notDate},
		{"0;[Red]yyyy", notDate}, // only the first section counts
	} {
		if got := formatKind(c.code); got != c.want {
			t.Errorf("formatKind(%q) = %d, want %d", c.code, got, c.want)
		}
	}
}
