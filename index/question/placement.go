package question

import (
	"slices"
	"strings"
)

// PlacesTeam reports whether a sentence asks where a team of a kind the
// guide's roles are not sits in the organization: whom it reports or
// rolls up to, where it lives, sits or belongs ("who should SRE report
// to?", "should design report into engineering?", "where should the data
// team live?", "does security belong under the platform org?"). A guide to
// roles says whom its roles report to ("who does a VP report to?"), not
// where other teams go, nor what a role does with them: "who does the
// director of the platform org report to?" and "should a director let
// the product team sit in on reviews?" ask the guide. The verb must lead
// to a place ("report to", "sit under") or the sentence ask where: "design
// reports for the board" are papers. "IT" is left out: read in lower
// case, it is "it". As for AboutCompany, only a guide to roles is known
// not to place teams: a company's handbook may say where its data team
// sits.
func (r Reader) PlacesTeam(words []string) bool {
	if len(r.Described) == 0 {
		return false
	}
	where := slices.Contains(words[:min(len(words), maxLeadWords)], "where")
	for i, w := range words {
		to, ok := placing[w]
		if !ok || !teamBefore(words[:i]) || r.NamesDescribed(words[:i]) {
			continue
		}
		if where || i+1 < len(words) && to[words[i+1]] {
			return true
		}
	}
	return false
}

// MayPlace reports whether the words hold a verb that places a team, which
// PlacesTeam needs.
func MayPlace(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { _, ok := placing[w]; return ok })
}

// teamBefore reports whether the words end by naming a kind of team,
// allowing for a word for the group and an adverb or "to" after it: "the
// devops team typically", "for security to".
func teamBefore(words []string) bool {
	for j := len(words) - 1; j >= 0 && j >= len(words)-4; j-- {
		switch w := words[j]; {
		case teamKinds[w]:
			return true
		case !groupWords[w] && !placingFillers[w]:
			return false
		}
	}
	return false
}

var (
	// placing are the verbs that place a team, each with the words that
	// lead from it to where ("report to", "roll up", "sit under"; not "sit
	// in on").
	placing = func() map[string]Set {
		m := map[string]Set{}
		for verbs, to := range map[string]string{
			"report reports": "to into under",
			"roll rolls":     "up",
			"sit sits":       "under within",
			"live lives":     "in under within",
			"belong belongs": "in to under within with",
		} {
			for _, v := range strings.Fields(verbs) {
				m[v] = SetOf(to)
			}
		}
		return m
	}()
	// teamKinds are the kinds of team the guide's roles are not.
	teamKinds = SetOf("sre sres qa design designers data devops security infosec secops mobile platform infra " +
		"infrastructure ux analytics ml support ops product pm pms tpm tpms dba dbas release testing localization devrel")
	// groupWords name the group a kind of team makes; placingFillers
	// stand between it and the verb.
	groupWords     = SetOf("team teams org orgs group groups function functions department")
	placingFillers = SetOf("typically usually actually currently normally ideally directly even to")
)
