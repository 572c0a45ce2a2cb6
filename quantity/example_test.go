package quantity_test

import (
	"errors"
	"fmt"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/quantity"
)

func ExampleParse() {
	for _, s := range []string{"26.8亿多元", "5000余名", "近1000名", "3 000—5 000个", "8.5万人次", "不到 60%", "一万名"} {
		q, err := quantity.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s | %s | %s | %s\n", s, q.Value(), q.Certainty().Name().In(lang.English), q.In(lang.English))
	}
	// Output:
	// 26.8亿多元 | 2680000000 | lower bound | more than 2.68 billion yuan
	// 5000余名 | 5000 | lower bound | more than 5,000 persons
	// 近1000名 | 1000 | upper bound | nearly 1,000 persons
	// 3 000—5 000个 | 3000 | exact | 3,000–5,000
	// 8.5万人次 | 85000 | exact | 85,000 person-times
	// 不到 60% | 60 | upper bound | less than 60%
	// 一万名 | 10000 | exact | 10,000 persons
}

func ExampleParse_error() {
	_, err := quantity.Parse("数十名")
	fmt.Println(errors.Is(err, quantity.ErrSyntax))
	fmt.Println(err)
	// Output:
	// true
	// quantity "数十名" at byte 0: no number (数十 and the like are not counts)
}

func ExampleUnit_Compatible() {
	fmt.Println(quantity.Piece.Compatible(quantity.Establishment)) // 个 and 家 both count things
	fmt.Println(quantity.Person.Compatible(quantity.PersonTime))   // 名 and 人次 do not mix
	// Output:
	// true
	// false
}

func ExampleQuantity_Bounds() {
	for _, s := range []string{"5000余名", "近1000名", "不超过50名", "约30场", "3—5名"} {
		b := quantity.MustParse(s).Bounds()
		fmt.Println(s, b.In(lang.English))
	}
	// Output:
	// 5000余名 >5,000, <6,000
	// 近1000名 no lower bound, <1,000
	// 不超过50名 no lower bound, ≤50
	// 约30场 no lower bound, no upper bound
	// 3—5名 ≥3, ≤5
}
