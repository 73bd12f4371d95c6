// Who may read community decisions (see graphql/access-policy.ts and access.ts): processes, pitches, results,
// participation counts and, once declared, the votes as cast are public (partner keys need read:public). The roll is
// never served; a person's own registration is theirs alone. Objects of other modules a process names (a fund round,
// a transfer case, a scheme, an award) follow their own modules' rules.
import { AccessPolicy, peopleOr } from "../../graphql/access-policy";

const publicRead = peopleOr("read:public");

export const decisionsPolicy: AccessPolicy = {
  DecisionProcess: {
    see: publicRead,
    fields: "id kind status effect title description organiser area delegatedBy answersTo opensAt closesAt pot votesPerVoter"
      + " question minTurnoutPercent approvalPercent fundRound assetTransfer housingScheme pitches votes result participation"
      + " createdAt updatedAt version",
    perViewer: "viewerRegistration",
  },
  DecisionPitch: {
    see: publicRead,
    fields: "id title summary amount organisation process votes funded award createdAt updatedAt version",
  },
  DecisionVote: { see: publicRead, fields: "id choice pitchIds" },
  DecisionResult: {
    see: publicRead,
    fields: "id process outcome electorate votesCast turnoutPercent yesVotes noVotes turnoutMet approvalMet allocated"
      + " applicationsOffered applicationsDeclined applicationsUndecided offered declaredOn declaredAt recountMatches",
  },
  VoterRegistration: { part: "place groups barriers hasVoted" },
  Participation: { part: "registered voted byPlace byGroup barriers" },
  ParticipationInPlace: { part: "place registered voted" },
  ParticipationInGroup: { part: "group registered voted" },
  RegionSummary: { part: "communityDecisions" },
  DecisionRegionFiguresType: {
    part: "processesDeclared budgets ballots panels participantsRegistered votesCast bindingOutcomes ballotsApproved allocatedByBudgets pitchesFunded",
  },
  ReportedBarrier: { part: "barrier reported" },
  AssetTransfer: { extends: true, fields: "communityBallots" },
  HousingScheme: { extends: true, fields: "communityBallots" },
  Query: { extends: true, fields: "decisionProcesses" },
};
