# revise.awk — a revision of a genpairs English file, for the bench rows
# of `taiyaku update`: every 101st line reworded (its first " the " made
# " a "), every 503rd line deleted unless it starts with a bare number
# (past 999 a bare number is a clause only where it continues its
# sequence, so deleting one would end the numbering there), and after
# every 1009th line a sentence added to the clause.  Deterministic.
NR % 101 == 0 { sub(/ the /, " a ") }
NR % 503 == 0 && !/^[0-9]/ { next }
{ print }
NR % 1009 == 0 { print "This sentence was added in the revision." }
