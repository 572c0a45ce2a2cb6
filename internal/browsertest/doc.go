// Package browsertest checks the HTML reports of package program in a real
// browser: headless Chromium, driven by github.com/chromedp/chromedp, loads
// each page, and the tests check that it shows every target without a
// console error or a request outside the page, and save screenshots and a
// PDF of the print layout.
//
// The package holds tests only, so that chromedp stays out of the
// dependencies of the library. Without Chromium the tests skip and say what
// to install; with TAIZHANG_REQUIRE_BROWSER=1 (as CI sets it) a missing
// browser fails them. TAIZHANG_BROWSER names the browser to use, and
// TAIZHANG_SCREENSHOTS the directory for the screenshots (by default
// taizhang-browsertest in the system's temporary directory).
package browsertest
