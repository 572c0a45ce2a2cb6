package outcome

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/taizhang/taizhang/lang"
)

func TestSectionIn(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"三(一)", "3.1"},
		{"二(二)", "2.2"},
		{"一(四)二是", "1.4, point 2"},
		{"二(四)", "2.4"},
		{"二", "2"},
		{"十二(十一)三是", "12.11, point 3"},
		{"二十", "20"},
		// Not numbered the Chinese way: as they are.
		{"2", "2"},
		{"3.1", "3.1"},
		{"intro", "intro"},
		{"", ""},
		{"二(二", "二(二"},
		{"一(二)附", "一(二)附"},
	} {
		if got := sectionIn(tc.in); got != tc.want {
			t.Errorf("sectionIn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCitationIn(t *testing.T) {
	journal := Document{Locator: "test-journal.txt", Title: lang.Name{Zh: "题名", En: "The Title"},
		Publisher: lang.Name{Zh: "《某刊》", En: "Some Journal"}, Year: 2020}
	book := Document{Locator: "test-book.txt", Title: lang.Name{Zh: "书名"}, TranslatedTitle: "Book Title",
		Publisher: lang.Name{Zh: "某出版社"}, Year: 2019}
	bare := Document{Locator: "test-bare.txt", Title: lang.Name{Zh: "无名氏文"}}
	for _, d := range []Document{journal, book, bare} {
		if err := DeclareDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		c    Citation
		lang lang.Lang
		want string
	}{
		{Cite("test-journal.txt", "3.2", "①"), lang.Chinese, "《题名》(《某刊》2020) §3.2 ①"},
		{Cite("test-journal.txt", "3.2", "①"), lang.English, `"The Title", Some Journal, 2020, §3.2 ①`},
		{Cite("test-book.txt", "二(二)一是", "[1]"), lang.Chinese, "《书名》(某出版社, 2019) §二(二)一是 [1]"},
		{Cite("test-book.txt", "二(二)一是", "[1]"), lang.English, "[Book Title] (in Chinese), 某出版社, 2019, §2.2, point 1 [1]"},
		{Cite("test-bare.txt", "三", ""), lang.Chinese, "《无名氏文》 §三"},
		{Cite("test-bare.txt", "三", ""), lang.English, "《无名氏文》, §3"},
		// Undeclared: the locator as cited.
		{Cite("other.txt", "三(一)", "[2]"), lang.Chinese, "other.txt §三(一) [2]"},
		{Cite("other.txt", "三(一)", "[2]"), lang.English, "other.txt §3.1 [2]"},
		{Cite("", "三(一)", ""), lang.English, "§3.1"},
		{Citation{}, lang.Chinese, ""},
	} {
		if got := tc.c.In(tc.lang); got != tc.want {
			t.Errorf("%v.In(%v) = %q, want %q", tc.c, tc.lang, got, tc.want)
		}
	}
	// Data keeps the locator.
	if got := Cite("test-journal.txt", "3.2", "①").String(); got != "test-journal.txt §3.2 ①" {
		t.Errorf("String() = %q", got)
	}
}

func TestDeclareDocument(t *testing.T) {
	d := Document{Locator: "test-declare.txt", Title: lang.Name{Zh: "题名"}, Year: 2018}
	if err := DeclareDocument(d); err != nil {
		t.Fatal(err)
	}
	if err := DeclareDocument(d); err != nil {
		t.Errorf("declared again as it is: %v", err)
	}
	if got, ok := LookupDocument("test-declare.txt"); !ok || got != d {
		t.Errorf("LookupDocument = %+v, %v", got, ok)
	}
	if _, ok := LookupDocument("test-undeclared.txt"); ok {
		t.Error("LookupDocument found an undeclared document")
	}
	other := d
	other.Year = 2019
	for _, bad := range []Document{other, {Title: lang.Name{Zh: "题名"}}, {Locator: " "}, {Locator: "x"}, {Locator: "x", Title: lang.Name{Zh: "t"}, Year: -1}} {
		if err := DeclareDocument(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("DeclareDocument(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestDeclareDocumentConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			d := Document{Locator: fmt.Sprintf("test-concurrent-%d.txt", i%2), Title: lang.Name{Zh: "题名"}}
			if err := DeclareDocument(d); err != nil {
				t.Error(err)
			}
			if _, ok := LookupDocument(d.Locator); !ok {
				t.Error("not found after declaring")
			}
			_ = Cite(d.Locator, "一", "").In(lang.English)
		})
	}
	wg.Wait()
}
