// The ledger's vocabulary: the accounts of a fund and the kinds of movement a balanced group records.

export enum AccountKind {
  POOL = "POOL",
  CONTRIBUTOR = "CONTRIBUTOR",
  RECEIVABLE = "RECEIVABLE",
  SOCIAL_REPAID = "SOCIAL_REPAID",
  WRITE_OFF = "WRITE_OFF",
}

export enum MovementKind {
  CONTRIBUTION = "CONTRIBUTION",
  DISBURSEMENT = "DISBURSEMENT",
  CASH_REPAYMENT = "CASH_REPAYMENT",
  SOCIAL_REPAYMENT = "SOCIAL_REPAYMENT",
  WRITE_OFF = "WRITE_OFF",
}
