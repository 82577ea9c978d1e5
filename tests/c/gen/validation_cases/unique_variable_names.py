"""UniqueVariableNamesRule: an operation defines each variable once."""
RULE = "UniqueVariableNamesRule"

CASES = [
    ("unique variables", "query Q($a: Int, $b: String) { me { id } }"),
    ("the same name in different operations",
     "query A($x: Int) { me { id } }\nquery B($x: String) { me { id } }"),
    ("repeated variables",
     """query A($x: Int, $x: Boolean, $x: String) { me { id } }
query B($y: String, $z: Int, $y: Int) { me { id } }
query C($w: Int, $w: Int) { me { id } }
"""),
    ("two repeated names interleaved",
     "query Q($a: Int, $b: Int, $a: Int, $b: Int, $a: Int) { me { id } }"),
]
