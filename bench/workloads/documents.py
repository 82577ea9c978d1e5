"""Deterministic benchmark inputs: a realistic schema and a big query on it.

The schema is drawn from a seeded random.Random as a model (types, fields,
arguments) and printed as SDL; the query is drawn from the same model, so it
is valid against the schema (validation and execution workloads can reuse
both). Sizes: about 300 named types with 8-15 fields each on the objects, and
a query of about 1,600 lines. Both are generated in a few milliseconds, so
nothing is stored under bench/data/.

    python -m bench.workloads.documents sdl     # print the SDL
    python -m bench.workloads.documents query   # print the query
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from functools import cache

SEED = 1_000_003

NOUNS = (
    "Account", "Address", "Album", "Answer", "Article", "Asset", "Attachment", "Audit",
    "Author", "Badge", "Basket", "Batch", "Billing", "Book", "Booking", "Branch", "Brand",
    "Budget", "Campaign", "Card", "Carrier", "Cart", "Category", "Channel", "Chapter",
    "Charge", "Checkout", "City", "Claim", "Client", "Collection", "Comment", "Company",
    "Contact", "Contract", "Country", "Coupon", "Course", "Credit", "Customer", "Dashboard",
    "Deal", "Delivery", "Department", "Deployment", "Device", "Discount", "Document",
    "Domain", "Draft", "Employee", "Event", "Expense", "Feature", "Feed", "File", "Flight",
    "Folder", "Forum", "Fulfillment", "Gallery", "Grant", "Group", "Guest", "Hotel",
    "Image", "Incident", "Invoice", "Issue", "Item", "Job", "Journal", "Label", "Lead",
    "Lesson", "License", "Listing", "Location", "Lodging", "Manager", "Media", "Meeting",
    "Member", "Message", "Metric", "Milestone", "Module", "Note", "Offer", "Order",
    "Organization", "Package", "Page", "Partner", "Payment", "Payout", "Permission",
    "Photo", "Plan", "Playlist", "Policy", "Post", "Price", "Product", "Profile",
    "Project", "Promotion", "Property", "Question", "Quote", "Rate", "Receipt", "Refund",
    "Region", "Release", "Report", "Repository", "Request", "Reservation", "Review",
    "Reward", "Room", "Route", "Sale", "Schedule", "Section", "Seller", "Session",
    "Shipment", "Shop", "Site", "Skill", "Slot", "Sprint", "Store", "Subscription",
    "Supplier", "Survey", "Tag", "Task", "Team", "Template", "Tenant", "Thread", "Ticket",
    "Timeline", "Track", "Transaction", "Transfer", "Trip", "Upload", "User", "Vendor",
    "Venue", "Version", "Video", "Visit", "Voucher", "Wallet", "Warehouse", "Webhook",
    "Widget", "Workflow", "Workspace",
)  # fmt: skip
ADJECTIVES = ("Archived", "Public", "Private", "Shared", "Pending", "Global", "Local", "Legacy",
              "Premium", "Internal")  # fmt: skip

# Leaf fields with one type each, everywhere: a response name always has the
# same type, so the generated query never has conflicting fields.
SCALAR_FIELDS = {
    "id": "ID!", "name": "String!", "title": "String", "slug": "String!",
    "description": "String", "summary": "String", "body": "String", "email": "String",
    "phone": "String", "url": "String!", "createdAt": "DateTime!", "updatedAt": "DateTime",
    "deletedAt": "DateTime", "publishedAt": "DateTime", "startsAt": "DateTime",
    "endsAt": "DateTime", "count": "Int!", "position": "Int", "priority": "Int",
    "quantity": "Int!", "rank": "Int", "version": "Int!", "score": "Float",
    "ratio": "Float", "weight": "Float", "latitude": "Float", "longitude": "Float",
    "amount": "Money!", "total": "Money", "balance": "Money", "isActive": "Boolean!",
    "isPublic": "Boolean", "isDeleted": "Boolean!", "isVerified": "Boolean",
    "hasChildren": "Boolean!", "locale": "String", "timezone": "String", "code": "String!",
    "label": "String", "color": "String", "icon": "String", "metadata": "JSON",
    "tags": "[String!]!", "aliases": "[String!]", "checksum": "String", "etag": "String",
    "sizeBytes": "Int", "durationMs": "Int", "currency": "Currency!",
    "visibility": "Visibility!", "sortKey": "String", "externalId": "ID", "note": "String",
}  # fmt: skip

DESCRIPTIONS = (
    "The {n} as seen by the current viewer.",
    "Returns the {n}, or null when it was deleted.",
    "A {n}.\n\nOnly visible to members of the owning organization. Use `node(id:)` to fetch\n"
    "one by its global id.",
    "{n} attached to this object, newest first.",
    "Deprecated alias kept for old clients; prefer the connection field.",
    "When the {n} was last changed, in UTC.",
    "The {n} identifier, stable across renames (\"slugs\" may change).",
)  # fmt: skip


@dataclass
class Arg:
    name: str
    type: str
    default: str | None = None


@dataclass
class Field:
    name: str
    type: str
    args: list[Arg] = field(default_factory=list)
    description: str | None = None
    deprecated: str | None = None


@dataclass
class TypeDef:
    kind: str  # object, interface, union, enum, input, scalar
    name: str
    fields: list[Field] = field(default_factory=list)
    interfaces: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # union members, enum values
    description: str | None = None


@dataclass
class Schema:
    types: dict[str, TypeDef]

    def named(self, type_ref: str) -> str:
        return type_ref.strip("[]!")

    def kind(self, type_ref: str) -> str:
        name = self.named(type_ref)
        if name in ("ID", "String", "Int", "Float", "Boolean"):
            return "scalar"
        return self.types[name].kind

    def possible_types(self, name: str) -> list[str]:
        t = self.types[name]
        if t.kind == "union":
            return t.members
        if t.kind == "interface":
            return [
                o.name for o in self.types.values() if o.kind == "object" and name in o.interfaces
            ]
        return [name]


def _lower(name: str) -> str:
    return name[0].lower() + name[1:]


def build_schema_model(seed: int = SEED) -> Schema:
    rng = random.Random(seed)
    names = list(NOUNS)
    rng.shuffle(names)
    types: dict[str, TypeDef] = {}

    for scalar in ("DateTime", "Money", "JSON", "URL", "Cursor"):
        types[scalar] = TypeDef("scalar", scalar)
    types["Currency"] = TypeDef("enum", "Currency", members=["EUR", "USD", "GBP", "JPY", "CHF"])
    types["Visibility"] = TypeDef("enum", "Visibility", members=["PUBLIC", "PRIVATE", "SHARED"])
    types["SortOrder"] = TypeDef("enum", "SortOrder", members=["ASC", "DESC"])

    enums = [f"{n}Status" for n in names[:26]]
    for name in enums:
        values = rng.sample(
            [
                "DRAFT",
                "ACTIVE",
                "PENDING",
                "ARCHIVED",
                "DELETED",
                "FAILED",
                "COMPLETED",
                "CANCELLED",
                "ON_HOLD",
                "REVIEW",
                "APPROVED",
                "REJECTED",
            ],
            rng.randrange(3, 12),
        )
        types[name] = TypeDef(
            "enum",
            name,
            members=values,
            description=f"Lifecycle of a {name[:-6]}." if rng.random() < 0.5 else None,
        )

    interfaces = [
        "Node",
        "Timestamped",
        "Owned",
        "Named",
        "Searchable",
        "Commentable",
        "Taggable",
        "Versioned",
        "Auditable",
        "Locatable",
        "Priced",
        "Rated",
        "Attachable",
        "Schedulable",
        "Publishable",
        "Archivable",
        "Reviewable",
        "Shippable",
        "Billable",
        "Followable",
        "Likeable",
        "Shareable",
        "Reportable",
        "Orderable",
        "Visible",
        "Labeled",
        "Sortable",
        "Linkable",
        "Measurable",
        "Trackable",
    ]
    scalar_names = list(SCALAR_FIELDS)
    for i, name in enumerate(interfaces):
        if name == "Node":
            types[name] = TypeDef(
                "interface",
                name,
                fields=[Field("id", "ID!")],
                description="An object with a global id.",
            )
            continue
        fields = [
            Field(fname, SCALAR_FIELDS[fname])
            for fname in rng.sample(scalar_names[1:], rng.randrange(2, 6))
        ]
        parents = ["Node"] if i and rng.random() < 0.3 else []
        if parents:
            fields = [Field("id", "ID!")] + [f for f in fields if f.name != "id"]
        types[name] = TypeDef(
            "interface",
            name,
            fields=fields,
            interfaces=parents,
            description=f"Something that is {name.lower()}." if rng.random() < 0.6 else None,
        )

    extra = sorted({f"{rng.choice(ADJECTIVES)}{rng.choice(NOUNS)}" for _ in range(40)})
    objects = names + extra[:27]
    inputs = [f"{n}Filter" for n in names[:20]] + [f"{n}Input" for n in names[20:35]]
    for name in inputs:
        types[name] = TypeDef("input", name)
    for name in objects:
        types[name] = TypeDef("object", name)
    unions = [
        f"{a}{n}Result"
        for a, n in zip(rng.sample(ADJECTIVES * 3, 20), rng.sample(names, 20), strict=True)
    ]
    unions = list(dict.fromkeys(unions))
    for name in unions:
        types[name] = TypeDef(
            "union",
            name,
            members=rng.sample(objects, rng.randrange(2, 7)),
            description="One of several results." if rng.random() < 0.4 else None,
        )

    def arg_for(fname: str) -> list[Arg]:
        r = rng.random()
        if r < 0.55:
            return []
        args: list[Arg] = []
        pool = [
            Arg("first", "Int", "10"),
            Arg("after", "Cursor"),
            Arg("last", "Int"),
            Arg("orderBy", "SortOrder", "DESC"),
            Arg("includeArchived", "Boolean", "false"),
            Arg("search", "String"),
            Arg("locale", "String", '"en"'),
            Arg("status", rng.choice(enums)),
            Arg("filter", rng.choice(inputs[:20])),
            Arg("ids", "[ID!]"),
            Arg("limit", "Int!", "20"),
            Arg("tags", "[String!]", '["a", "b"]'),
        ]
        for arg in rng.sample(pool, rng.randrange(1, 5)):
            args.append(arg)
        return args

    def object_field(owner: str) -> Field:
        target = rng.choice(objects + unions + interfaces[:8])
        plural = rng.random() < 0.45
        fname = _lower(target) + ("List" if plural else "")
        type_ref = f"[{target}!]!" if plural else target
        return Field(
            fname,
            type_ref,
            arg_for(fname),
            description=rng.choice(DESCRIPTIONS).format(n=target.lower())
            if rng.random() < 0.3
            else None,
        )

    for name in objects:
        t = types[name]
        t.description = (
            f"A {name.lower()} in the system.\n\n"
            f"Created by `create{name}`; see also `{_lower(name)}Connection`."
            if rng.random() < 0.5
            else None
        )
        t.interfaces = rng.sample(interfaces, rng.choice([0, 1, 1, 2, 3]))
        if any(types[i].interfaces for i in t.interfaces) and "Node" not in t.interfaces:
            t.interfaces.insert(0, "Node")
        seen: dict[str, Field] = {}
        for iface in t.interfaces:
            for f in types[iface].fields:
                seen[f.name] = Field(f.name, f.type)
        target_count = rng.randrange(8, 16)
        while len(seen) < target_count:
            if rng.random() < 0.55:
                fname = rng.choice(scalar_names)
                f = Field(fname, SCALAR_FIELDS[fname])
                if rng.random() < 0.15:
                    f.description = rng.choice(DESCRIPTIONS).format(n=fname)
                if rng.random() < 0.05:
                    f.deprecated = f"Use `{rng.choice(scalar_names)}` instead."
            elif rng.random() < 0.15:
                status = enums[objects.index(name) % len(enums)]
                f = Field(_lower(status), status)
            else:
                f = object_field(name)
            if f.name not in seen:
                seen[f.name] = f
        t.fields = list(seen.values())

    for name in inputs:
        t = types[name]
        fields = []
        for fname in rng.sample(scalar_names, rng.randrange(3, 10)):
            ftype = SCALAR_FIELDS[fname].rstrip("!") if rng.random() < 0.8 else SCALAR_FIELDS[fname]
            fields.append(Field(fname, ftype))
        if name.endswith("Filter") and rng.random() < 0.5:
            fields.append(Field("and", f"[{name}!]"))
            fields.append(Field("not", name))
        t.fields = fields

    # The root types: entry points to most object types.
    root_fields = [
        Field("node", "Node", [Arg("id", "ID!")]),
        Field("nodes", "[Node]!", [Arg("ids", "[ID!]!")]),
    ]
    for name in objects:
        root_fields.append(Field(_lower(name), name, [Arg("id", "ID!")]))
        if rng.random() < 0.5:
            root_fields.append(
                Field(
                    _lower(name) + "List",
                    f"[{name}!]!",
                    arg_for(name) or [Arg("first", "Int", "10")],
                )
            )
    for name in unions:
        root_fields.append(Field(_lower(name), f"[{name}!]!", [Arg("search", "String!")]))
    types["Query"] = TypeDef(
        "object", "Query", fields=root_fields, description="The root of all queries."
    )
    mutation_fields = []
    for name in inputs[20:35]:
        obj = name[: -len("Input")]
        mutation_fields.append(Field(f"create{obj}", f"{obj}!", [Arg("input", f"{name}!")]))
        mutation_fields.append(
            Field(f"update{obj}", obj, [Arg("id", "ID!"), Arg("input", f"{name}!")])
        )
        mutation_fields.append(Field(f"delete{obj}", "Boolean!", [Arg("id", "ID!")]))
    types["Mutation"] = TypeDef("object", "Mutation", fields=mutation_fields)
    types["Subscription"] = TypeDef(
        "object",
        "Subscription",
        fields=[Field(_lower(n) + "Changed", n, [Arg("id", "ID!")]) for n in objects[:10]],
    )
    return Schema(types)


# === Printing the SDL ======================================================


def _description(text: str | None, indent: str) -> str:
    if text is None:
        return ""
    if "\n" in text or '"' in text:
        body = "\n".join(indent + line if line else "" for line in text.split("\n"))
        return f'{indent}"""\n{body}\n{indent}"""\n'
    return f'{indent}"{text}"\n'


def _args(args: list[Arg]) -> str:
    if not args:
        return ""
    parts = [f"{a.name}: {a.type}" + (f" = {a.default}" if a.default else "") for a in args]
    return "(" + ", ".join(parts) + ")"


def print_sdl(schema: Schema) -> str:
    out = [
        "schema {\n  query: Query\n  mutation: Mutation\n  subscription: Subscription\n}\n",
        '"""\nRestricts a field or type to viewers with the given role.\n"""\n'
        "directive @auth(requires: Role = USER) on OBJECT | FIELD_DEFINITION\n",
        "directive @cost(weight: Int!, multipliers: [String!]) repeatable on "
        "FIELD_DEFINITION | ARGUMENT_DEFINITION\n",
        "enum Role {\n  ADMIN\n  USER\n  GUEST\n}\n",
    ]
    for t in schema.types.values():
        text = _description(t.description, "")
        if t.kind == "scalar":
            text += f"scalar {t.name}\n"
        elif t.kind == "enum":
            text += f"enum {t.name} {{\n" + "".join(f"  {v}\n" for v in t.members) + "}\n"
        elif t.kind == "union":
            text += f"union {t.name} = " + " | ".join(t.members) + "\n"
        else:
            keyword = {"object": "type", "interface": "interface", "input": "input"}[t.kind]
            impl = f" implements {' & '.join(t.interfaces)}" if t.interfaces else ""
            directive = " @auth(requires: ADMIN)" if t.name.endswith("Audit") else ""
            text += f"{keyword} {t.name}{impl}{directive} {{\n"
            for f in t.fields:
                text += _description(f.description, "  ")
                extra = f' @deprecated(reason: "{f.deprecated}")' if f.deprecated else ""
                if f.args and len(f.args) > 2:
                    extra += " @cost(weight: 2)"
                text += f"  {f.name}{_args(f.args)}: {f.type}{extra}\n"
            text += "}\n"
        out.append(text)
    return "\n".join(out)


# === The query =============================================================


class _QueryBuilder:
    def __init__(self, schema: Schema, rng: random.Random) -> None:
        self.schema = schema
        self.rng = rng
        self.variables: dict[str, str] = {}
        self.fragments: dict[str, str] = {}
        self.alias_count = 0

    def value(self, type_ref: str, depth: int = 0) -> str:
        rng = self.rng
        non_null = type_ref.endswith("!")
        inner = type_ref[:-1] if non_null else type_ref
        if inner.startswith("["):
            item = inner[1:-1]
            return (
                "["
                + ", ".join(self.value(item, depth + 1) for _ in range(rng.randrange(1, 4)))
                + "]"
            )
        named = self.schema.named(inner)
        if named in ("Int",):
            return str(rng.randrange(1, 100))
        if named == "Float":
            return f"{rng.uniform(0, 100):.2f}"
        if named == "Boolean":
            return rng.choice(["true", "false"])
        if named in ("String", "ID", "Cursor", "URL", "DateTime", "Money", "JSON"):
            return f'"{rng.choice(["abc", "2024-01-01T00:00:00Z", "YXJyYXljb25uZWN0aW9uOjEw"])}"'
        t = self.schema.types[named]
        if t.kind == "enum":
            return rng.choice(t.members)
        required = [f for f in t.fields if f.type.endswith("!")]
        optional = [
            f
            for f in t.fields
            if not f.type.endswith("!") and (depth < 2 or self.schema.kind(f.type) != "input")
        ]
        chosen = required + rng.sample(optional, min(len(optional), rng.randrange(1, 4)))
        return "{" + ", ".join(f"{f.name}: {self.value(f.type, depth + 1)}" for f in chosen) + "}"

    def arguments(self, f: Field) -> str:
        rng = self.rng
        parts = []
        for arg in f.args:
            required = arg.type.endswith("!") and arg.default is None
            if not required and rng.random() < 0.4:
                continue
            if rng.random() < 0.35:
                var = f"{arg.name}{len(self.variables)}"
                self.variables[var] = arg.type
                parts.append(f"{arg.name}: ${var}")
            else:
                parts.append(f"{arg.name}: {self.value(arg.type)}")
        return "(" + ", ".join(parts) + ")" if parts else ""

    def selection_set(self, type_name: str, depth: int, indent: str) -> str:
        rng = self.rng
        schema = self.schema
        t = schema.types[type_name]
        lines = []
        if t.kind == "union" or (t.kind == "interface" and rng.random() < 0.6):
            lines.append(f"{indent}__typename")
            if t.kind == "interface":
                lines += self.fields(t, depth, indent, rng.randrange(1, 4))
            for member in rng.sample(
                schema.possible_types(type_name), min(3, len(schema.possible_types(type_name)))
            ):
                body = self.selection_set(member, depth + 1, indent + "  ")
                lines.append(f"{indent}... on {member} {{\n{body}\n{indent}}}")
            return "\n".join(lines)
        lines += self.fields(t, depth, indent, rng.randrange(4, 11))
        if t.kind == "object" and depth >= 2 and rng.random() < 0.35:
            lines.append(f"{indent}...{self.fragment(type_name)}")
        if rng.random() < 0.1:
            lines.append(f"{indent}... @include(if: true) {{\n{indent}  __typename\n{indent}}}")
        return "\n".join(lines)

    def fields(self, t: TypeDef, depth: int, indent: str, count: int) -> list[str]:
        rng = self.rng
        leaves = [f for f in t.fields if self.schema.kind(f.type) in ("scalar", "enum")]
        composites = [f for f in t.fields if f not in leaves]
        picked = rng.sample(leaves, min(len(leaves), count))
        if depth < 5 and composites:
            picked += rng.sample(
                composites, min(len(composites), rng.randrange(1, 4) if depth < 3 else 1)
            )
        return [self.field(f, depth, indent) for f in picked]

    def field(self, f: Field, depth: int, indent: str) -> str:
        args = self.arguments(f)
        name = f.name
        composite = self.schema.kind(f.type) not in ("scalar", "enum")
        if args or composite:
            # Unique aliases: fields with arguments never conflict.
            self.alias_count += 1
            name = f"{f.name}{self.alias_count}: {f.name}"
        directive = " @skip(if: false)" if self.rng.random() < 0.03 else ""
        if not composite:
            return f"{indent}{name}{args}{directive}"
        body = self.selection_set(self.schema.named(f.type), depth + 1, indent + "  ")
        return f"{indent}{name}{args}{directive} {{\n{body}\n{indent}}}"

    def fragment(self, type_name: str) -> str:
        name = f"{type_name}Fields"
        if name not in self.fragments:
            self.fragments[name] = ""  # no recursion into itself
            t = self.schema.types[type_name]
            leaves = [
                f for f in t.fields if self.schema.kind(f.type) in ("scalar", "enum") and not f.args
            ]
            body = "\n".join(f"  {f.name}" for f in leaves[:8]) or "  __typename"
            self.fragments[name] = f"fragment {name} on {type_name} {{\n{body}\n}}"
        return name

    def query(self, roots: int) -> str:
        query_type = self.schema.types["Query"]
        chosen = self.rng.sample(query_type.fields, roots)
        body = "\n".join(self.field(f, 1, "  ") for f in chosen)
        variables = ", ".join(f"${n}: {t}" for n, t in self.variables.items())
        header = f"query BigQuery({variables})" if variables else "query BigQuery"
        fragments = "\n\n".join(f for f in self.fragments.values())
        return f"{header} {{\n{body}\n}}\n\n{fragments}\n"


@cache
def schema_model() -> Schema:
    return build_schema_model()


@cache
def big_sdl() -> str:
    """The SDL of about 300 named types."""
    return print_sdl(schema_model())


@cache
def big_query() -> str:
    """A query of about 1,600 lines on big_sdl()'s schema."""
    builder = _QueryBuilder(schema_model(), random.Random(SEED + 1))
    return builder.query(roots=24)


def describe_sdl() -> str:
    types = schema_model().types
    fields = sum(len(t.fields) for t in types.values())
    # +1: the Role enum print_sdl adds for the @auth directive
    return f"{len(types) + 1} types, {fields:,} fields and input fields; {describe(big_sdl())}"


def describe(source: str) -> str:
    lines = source.count("\n") + 1
    return f"{lines:,} lines, {len(source.encode()) / 1024:,.0f} KiB"


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "sdl"
    sys.stdout.write(big_sdl() if what == "sdl" else big_query())
