package question

import "testing"

func TestForeign(t *testing.T) {
	t.Parallel()
	for message, want := range map[string]bool{
		"¿Qué hace un director de ingeniería?":                                    true,
		"你好，总监是做什么的？":                                                             true,
		"Was macht ein Engineering Director?":                                     true,
		"Quelles sont les responsabilités d'un directeur?":                        true,
		"O que faz um diretor de engenharia?":                                     true,
		"Что делает директор?":                                                    true,
		"Wat doet een director?":                                                  true,
		"what does a director do?":                                                false,
		"um, what was the director's scope again? and what does a VP do with it?": false,
		"How do I pitch a déjà vu feature to the CTO, who is an ex-Googler?":      false,
		"what's the diff between a dir and a VP at a company like MIT":            false,
		"director offsite in Los Angeles, IST folks join?":                        false,
		"Los Angeles vs São Paulo directors?":                                     false,
		"":                                                                        false,
		"👋🎉":                                                                      false,
	} {
		if got := Foreign(message); got != want {
			t.Errorf("Foreign(%q) = %v, want %v", message, got, want)
		}
	}
}
