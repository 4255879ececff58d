package question

import (
	"regexp"
	"slices"
	"strings"
)

// AsksStaffRatio reports whether a question asks how many of one kind of
// staff a team should have for another: "what's a healthy QA to dev
// ratio?", "ratio of SREs to product engineers?", "how many PMs per
// engineer is standard?". A guide to roles gives no such ratio: it says
// how many managers a director has, which a question naming a role it
// describes asks ("how many EMs per director?"), and a ratio of work
// ("execution vs strategy ratio") pairs no staff. Only the sentences that
// ask count; read, the message's words as the thesaurus reads them
// ("dir" as "director"), tells the roles it names. As for AboutCompany,
// only a guide to roles is known to hold no such ratio: a company's
// handbook may say how many SREs it staffs per team.
func (r Reader) AsksStaffRatio(message string, read []string) bool {
	if len(r.Described) == 0 {
		return false
	}
	return slices.ContainsFunc(Split(message), func(s Sentence) bool {
		if s.Context {
			return false
		}
		text := s.Text
		if strings.Contains(text, ":") {
			text = ratioColon.ReplaceAllString(text, "$1 to $2")
		}
		return r.staffRatio(Words(text))
	}) && !r.NamesDescribed(read)
}

// staffRatio reports whether a sentence that asks asks for a staffing
// ratio; a story's ratio ("our QA to dev ratio is 1 to 10.") is no
// question.
func (r Reader) staffRatio(words []string) bool {
	ratio := slices.ContainsFunc(words, func(w string) bool { return w == "ratio" || w == "ratios" })
	many := howMany.In(words)
	if !ratio && !many {
		return false
	}
	for i := 1; i+1 < len(words); i++ {
		// One word may tell the second kind: "SREs to product engineers".
		second := i + 1
		if !staffKinds[words[second]] && i+2 < len(words) {
			second++
		}
		if staffKinds[words[i-1]] && staffKinds[words[second]] && (ratio && ratioJoins[words[i]] || many && words[i] == "per") {
			// A kind the guide describes, by the head word of a name
			// (Heads), is one whose staffing it may give: "how many
			// engineers per manager?" of a guide to the engineering
			// manager.
			if r.Heads[words[i-1]] || r.Heads[words[second]] {
				return false
			}
			// "What ratio of managers to senior ICs should my direct
			// reports be?" asks who reports to a director.
			return !slices.Contains(words, "reports")
		}
	}
	return false
}

var (
	// ratioColon writes a ratio as words: "qa:dev" is "qa to dev"; "1:1s"
	// are meetings.
	ratioColon = regexp.MustCompile(`(\pL):(\pL)`)
	// ratioJoins join the two kinds of staff of a ratio: "QA to dev",
	// "PMs per engineer".
	ratioJoins = SetOf("to per vs versus")
	howMany    = NewPhrasings("how many")
	// staffKinds are the kinds of staff a ratio counts.
	staffKinds = SetOf("qa qas sre sres dev devs developer developers engineer engineers eng engs pm pms manager managers " +
		"mgr mgrs em ems ic ics tester testers designer designers sdet sdets tpm tpms analyst analysts sci scientist scientists " +
		"staff junior juniors senior seniors lead leads tl tls recruiter recruiters")
)
