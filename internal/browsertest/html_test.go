package browsertest_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/target"
	"github.com/taizhang/taizhang/trend"
)

// browserNames are the commands tried for Chromium, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"}

// findBrowser returns the path of Chromium: TAIZHANG_BROWSER, or the first
// of browserNames on the PATH. Without one the test skips, or fails when
// TAIZHANG_REQUIRE_BROWSER=1.
func findBrowser(t *testing.T) string {
	t.Helper()
	if path := os.Getenv("TAIZHANG_BROWSER"); path != "" {
		return path
	}
	for _, name := range browserNames {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	msg := fmt.Sprintf("no Chromium to test the HTML reports in (looked for %s on the PATH, and TAIZHANG_BROWSER is not set): "+
		"install it (Debian, Ubuntu: apt-get install chromium; Fedora: dnf install chromium; macOS: brew install --cask chromium)",
		strings.Join(browserNames, ", "))
	if os.Getenv("TAIZHANG_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + "; TAIZHANG_REQUIRE_BROWSER=1 makes this a failure")
	}
	t.Skip(msg)
	return ""
}

// startBrowser starts headless Chromium for the test, with the flags that
// keep it off the network: it loads the pages of the test and nothing else.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := findBrowser(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root, where the sandbox refuses to start
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// screenshots returns the directory the screenshots go to, outside the
// repository unless TAIZHANG_SCREENSHOTS says otherwise.
func screenshots(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TAIZHANG_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "taizhang-browsertest")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

type htmlPage struct {
	name    string
	lang    lang.Lang
	reports []program.Report
	opts    program.HTMLOptions
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// pages are the pages the browser loads: the Hunan catalogue in both
// languages, the national catalogue with a trend chart, and a report of
// one program.
func pages(t *testing.T) []htmlPage {
	t.Helper()
	evaluate := func(ledger *outcome.Ledger, asOf time.Time, programs ...program.Program) []program.Report {
		var rs []program.Report
		for _, p := range programs {
			r, err := p.Evaluate(ledger, asOf)
			require.NoError(t, err)
			rs = append(rs, r)
		}
		return rs
	}
	hl := hunan.Reported()
	require.NoError(t, hl.Add(hunan.Exits()...))
	hunanReports := evaluate(hl, date(2019, 12, 31), hunan.Programs()...)

	nl := national.Reported()
	require.NoError(t, nl.Add(national.Exits()...))
	nationalReports := evaluate(nl, date(2020, 12, 31), national.Programs()...)
	// As of 2019, 52 poor counties had not yet exited: a long shortfall list.
	national2019 := evaluate(nl, date(2019, 12, 31), national.PovertyEradication2020())
	poverty := national.PovertyEradication2020()
	series, err := trend.Evaluate(poverty, nl, trend.YearEnds(2012, 2020), trend.Options{})
	require.NoError(t, err)
	var chart bytes.Buffer
	// Untitled: the page's section names the program above the chart.
	require.NoError(t, trend.WriteSVG(&chart, lang.Chinese, "", series...))

	return []htmlPage{
		{name: "hunan.zh", lang: lang.Chinese, reports: hunanReports},
		{name: "hunan.en", lang: lang.English, reports: hunanReports},
		{name: "national.zh", lang: lang.Chinese, reports: nationalReports,
			opts: program.HTMLOptions{Charts: map[string][]byte{poverty.ID: chart.Bytes()}}},
		{name: "seven-ones.en", lang: lang.English, reports: hunanReports[:1]},
		{name: "poverty-2019.en", lang: lang.English, reports: national2019},
	}
}

// rowNames returns the names of a report's targets and their parts, in the
// order of the page's rows.
func rowNames(results []target.Result, in lang.Lang) []string {
	var names []string
	for _, res := range results {
		names = append(names, res.Name.In(in))
		names = append(names, rowNames(res.Parts, in)...)
	}
	return names
}

// events collects what a tab reports: console messages and exceptions, and
// the addresses it requests.
type events struct {
	mu       sync.Mutex
	console  []string
	errors   []string
	requests []string
}

func (e *events) listen(ev any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		e.console = append(e.console, string(ev.Type))
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			e.errors = append(e.errors, fmt.Sprintf("console.%s called", ev.Type))
		}
	case *runtime.EventExceptionThrown:
		e.errors = append(e.errors, "exception: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			e.errors = append(e.errors, fmt.Sprintf("%s %s: %s (%s)", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		e.requests = append(e.requests, ev.Request.URL)
	}
}

// A4 is the width of an A4 page inside the print style sheet's margins
// (210 mm less 12 mm each side), in CSS pixels of 1/96 inch.
const a4Width = (210 - 24) * 96 * 10 / 254

// TestHTMLInBrowser loads each page in headless Chromium and checks that
// the page loads without a console error or warning and without a request
// beyond itself, that it has a row for every target of every report in the
// report's order, that its charts draw, and that it fits the width of the
// screen and of an A4 page; it saves a screenshot of the screen and of the
// print layout, and the PDF a browser prints.
func TestHTMLInBrowser(t *testing.T) {
	browser := startBrowser(t)
	dir := screenshots(t)
	all := pages(t)
	mux := http.NewServeMux()
	for _, p := range all {
		var b bytes.Buffer
		require.NoError(t, program.WriteHTML(&b, p.reports, p.lang, p.opts))
		page := b.Bytes()
		mux.HandleFunc("/"+p.name+".html", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		})
		require.NoError(t, os.WriteFile(filepath.Join(dir, p.name+".html"), page, 0o644))
	}
	server := httptest.NewServer(mux)
	defer server.Close()
	t.Logf("screenshots and pages in %s", dir)

	for _, p := range all {
		t.Run(p.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser) // a tab of its own
			defer cancel()
			ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
			defer cancelTimeout()
			var ev events
			require.NoError(t, chromedp.Listen(ctx, ev.listen))
			url := server.URL + "/" + p.name + ".html"
			require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url)))

			// A row per target, in each report's section, in order.
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll("section.report"),
				s => Array.from(s.querySelectorAll("tr.target .tname"), e => e.textContent))`))
			require.NoError(t, err)
			if len(got) != len(p.reports) {
				t.Fatalf("%d report sections, want %d", len(got), len(p.reports))
			}
			for i, r := range p.reports {
				want := rowNames(r.Results, p.lang)
				if !slices.Equal(got[i], want) {
					t.Errorf("report %s: rows %q, want %q", r.Program, got[i], want)
				}
			}
			rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("tr.target").length`))
			require.NoError(t, err)
			want := 0
			for _, r := range p.reports {
				want += len(rowNames(r.Results, p.lang))
			}
			if rows != want {
				t.Errorf("%d target rows, want %d", rows, want)
			}

			drawn, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)`))
			require.NoError(t, err)
			if !drawn {
				t.Error("an image of the page did not draw")
			}
			if p.opts.Charts != nil {
				charts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("figure.chart img").length`))
				require.NoError(t, err)
				if charts != len(p.opts.Charts) {
					t.Errorf("%d charts, want %d", charts, len(p.opts.Charts))
				}
			}
			checkWidth(t, ctx, "the screen", 1280)
			shot(t, ctx, filepath.Join(dir, p.name+".png"))

			// A folded shortfall list hides its units until its summary is
			// clicked.
			folded, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("details.shortfall").length`))
			require.NoError(t, err)
			if folded > 0 {
				hidden := `!document.querySelector("details.shortfall table.gaps").checkVisibility()`
				before, err := chromedp.Run(ctx, chromedp.Evaluate[bool](hidden))
				require.NoError(t, err)
				require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("details.shortfall > summary"))))
				after, err := chromedp.Run(ctx, chromedp.Evaluate[bool](hidden))
				require.NoError(t, err)
				if !before || after {
					t.Errorf("a folded shortfall list: hidden before a click %v, after %v; want true, false", before, after)
				}
				shot(t, ctx, filepath.Join(dir, p.name+".unfolded.png"))
			}

			// The print layout: as a browser prints it, on the width of A4.
			require.NoError(t, chromedp.Do(ctx,
				chromedp.EmulateViewport(a4Width, 1000),
				chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return err
				})))
			checkWidth(t, ctx, "an A4 page", a4Width)
			shot(t, ctx, filepath.Join(dir, p.name+".print.png"))
			pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
			require.NoError(t, err)
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Errorf("the printed page is not a PDF: %.20q", pdf)
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, p.name+".pdf"), pdf, 0o644))

			ev.mu.Lock()
			defer ev.mu.Unlock()
			for _, e := range ev.errors {
				t.Errorf("console: %s", e)
			}
			for _, u := range ev.requests {
				if u != url && !strings.HasPrefix(u, "data:") {
					t.Errorf("the page requested %s: it must need nothing beyond itself", u)
				}
			}
		})
	}
}

// checkWidth fails the test when the page is wider than width: a table
// that runs off the screen or the paper.
func checkWidth(t *testing.T, ctx context.Context, what string, width int64) {
	t.Helper()
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`document.documentElement.scrollWidth`))
	require.NoError(t, err)
	if w > width {
		t.Errorf("the page is %d pixels wide, wider than %s (%d)", w, what, width)
	}
}

func shot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, png, 0o644))
}
