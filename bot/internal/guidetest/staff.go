package guidetest

// StaffGuide is a second guide for the tests of the move to the next role,
// written for them: a Senior to Staff Engineer page whose parts have other
// headings than the embedded guide's, named in its frontmatter (plan), with
// twelve indicators (more than one group of checkboxes holds), one gap
// pinned to its action, and no suggested prompts of its own.
const StaffGuide = `---
label: Staff
plan:
  indicators: Signals You Operate at Staff Level
  actions: Ways to Grow
  timeline: How Long It Takes
  pitfalls: Traps
  pins:
    Writes design documents other teams adopt: Write for a Wider Audience
---
# Senior to Staff Engineer

Staff engineers lead across teams.

## Signals You Operate at Staff Level

You operate at Staff level when you:

- Lead technical direction across several teams
- Writes design documents other teams adopt
- Mentor senior engineers into technical leads
- Resolve technical conflicts between teams
- Own a critical system end to end
- Set engineering standards others follow
- Sponsor projects beyond your own team
- Explain tradeoffs to executives
- Spot risks before they become incidents
- Shape the hiring bar for senior engineers
- Balance short-term delivery with long-term health
- Are sought out for advice across the organization

## Ways to Grow

### Broaden Your Scope

- Take on a problem that spans several teams
- Own an incident review across services

### Write for a Wider Audience

- Write design documents for review by other teams
- Publish engineering standards

### Grow Others

- Mentor senior engineers
- Sponsor a technical lead

## How Long It Takes

Usually 2-4 years as a senior engineer.

## Traps

- Staying the team's best coder
- Working on scope nobody asked for
`
