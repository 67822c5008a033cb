using Marketplace.Skills.Taxonomy;
using Shouldly;

namespace Marketplace.Skills.Tests;

/// <summary>Runs over the real embedded data files.</summary>
public sealed class EmbeddedTaxonomyTests
{
    private static readonly SkillTaxonomy T = SkillTaxonomy.Embedded;

    [Fact]
    public void The_embedded_taxonomy_loads_and_has_data() => T.Skills.Count.ShouldBeGreaterThan(0, "no Taxonomy/Data/*.json is embedded");

    [Fact]
    public void The_embedded_taxonomy_meets_the_issue_size() 
    {
        T.Skills.Count.ShouldBeGreaterThanOrEqualTo(1500);
        T.AliasCount.ShouldBeGreaterThanOrEqualTo(1500 + 6000, "alias keys count the names too");
    }

    [Fact]
    public void Every_category_is_known_and_both_the_core_and_adjacent_skills_are_covered()
    {
        T.Skills.Where(s => SkillCategories.Find(s.Category) is null).Select(s => s.Id).ShouldBeEmpty();
        T.Skills.Count(s => s.IsBackendCore).ShouldBeGreaterThan(500);
        foreach (string adjacent in new[] { "mobile", "frontend", "crm", "erp", "bi", "mainframe", "methodology", "office" })
            T.Skills.Count(s => s.Category == adjacent).ShouldBeGreaterThan(10, adjacent);
        T.Find("salesforce")!.IsBackendCore.ShouldBeFalse();
        T.Find("postgresql")!.IsBackendCore.ShouldBeTrue();
    }

    [Fact]
    public void Every_alias_normalizes_to_its_skill()
    {
        var failures = new List<string>();
        foreach (var skill in T.Skills)
            foreach (var alias in T.AliasesOf(skill))
                if (T.Normalize(alias.Text) is var found && !(found.Count == 1 && found[0] == skill)) failures.Add($"'{alias.Text}' of {skill.Id} -> {(found.Count == 0 ? "unknown" : string.Join(",", found.Select(f => f.Id)))}");
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Every_alias_is_found_by_extraction_inside_a_sentence()
    {
        var failures = new List<string>();
        foreach (var skill in T.Skills)
            foreach (var alias in T.AliasesOf(skill))
            {
                // An ambiguous alias is written as a proper noun, as a person would in a CV.
                string written = alias.Ambiguous ? char.ToUpperInvariant(alias.Text[0]) + alias.Text[1..] : alias.Text;
                string sentence = $"I have 5 years of experience with {written} in production.";
                var mentions = T.Extract(sentence);
                // The mention's text is the alias's tokens: trailing punctuation such as "(IIS)" or "Angular 2+" is not part of a token.
                string tokens = written.TrimEnd(')', '+', '.', '-', '/', ' ');
                int at = sentence.IndexOf(written, StringComparison.Ordinal);
                // Extraction reads no alias across a bracket or a comma ("Google Compute Engine (GCE)"): one of its parts must name the skill.
                bool found = alias.Text.IndexOfAny(['(', ')', ',', ';']) >= 0
                    ? mentions.Any(m => m.Skill == skill && m.Start >= at && m.Start + m.Length <= at + written.Length)
                    : mentions.Any(m => m.Skill == skill && m.Start == at && (m.Text == written || m.Text == tokens));
                if (!found) failures.Add($"'{alias.Text}' of {skill.Id}: found [{string.Join(", ", mentions.Select(m => m.Skill.Id + "=" + m.Text))}]");
            }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ExtractionTests.TrickySentences), MemberType = typeof(ExtractionTests))]
    [InlineData("She hired a Chef for the party.")]
    [InlineData("Ruby is my sister.")]
    [InlineData("We had a great time in Salt Lake City.")]
    [InlineData("Less is more. Move fast, but Make sure the work is done. Excel in your career with years of experience.")]
    [InlineData("Our Spring sale: Express shipping, Flutter of wings, Ionic bonds and a Polymer coating for the Bootstrap paradox.")]
    [InlineData("Sage advice from the Oracle at Delphi: Go with the Flow, mind the Lightning and the Realm of Natural history.")]
    [InlineData("The sales team will Zoom in on accounts; Slack off never. Notion of time, Basecamp at the mountain.")]
    [InlineData("R&D, Q&A and P&L: we do research in the dry season; the weld was inspected in design review at the open office.")]
    [InlineData("Can you lift 20 kg? Storage rooms, service workers, metal instruments and a Ruby ring.")]
    [InlineData("Word of mouth got us Access to the Office; our Teams keep it DRY and simple, Monitoring the UI of the Room.")]
    public void Tricky_sentences_find_nothing_with_the_real_taxonomy(string text) => T.Extract(text).ShouldBeEmpty();

    [Fact]
    public void Ordinary_words_with_tech_context_are_found_with_the_real_taxonomy() =>
        T.Extract("5 years of Go and PostgreSQL, some Rust").Select(m => m.Skill.Id).ShouldBe(["go", "postgresql", "rust"]);

    [Theory]
    [InlineData("C#/.NET", "csharp,dotnet")]
    [InlineData("C#.NET", "csharp,dotnet")]
    [InlineData("HTML/CSS/JavaScript", "html,css,javascript")]
    [InlineData("AWS (EC2, S3)", "aws,aws-ec2,aws-s3")]
    [InlineData("AWS (Lambda, SQS)", "aws,aws-lambda,amazon-sqs")]
    [InlineData("AWS/Azure", "aws,azure")]
    [InlineData("Agile/Scrum", "agile,scrum")]
    [InlineData("Linux/Unix", "linux,unix")]
    [InlineData("AI/ML", "artificial-intelligence,machine-learning")]
    [InlineData("Oracle PL/SQL", "pl-sql")]
    [InlineData("CI/CD", "ci-cd")]
    [InlineData("SAP ABAP", "abap")]
    [InlineData("Salesforce (Apex, Visualforce, LWC)", "salesforce,apex,visualforce,lwc")]
    public void Compound_mentions_from_the_issue_split_with_the_real_taxonomy(string mention, string ids) =>
        string.Join(',', T.Normalize(mention).Select(s => s.Id)).ShouldBe(ids, $"'{mention}'");

    [Theory]
    [InlineData("React/Redux", "react,redux")]
    [InlineData("Dagger/Hilt", "dagger,hilt")]
    [InlineData("Python/Django", "python,django")]
    [InlineData("Word/Excel/PowerPoint", "word,excel,powerpoint")]
    [InlineData("GitLab CI/CD", "gitlab-ci")]
    [InlineData("UI/UX", "ui-design,ux-design")]
    [InlineData("unit and integration testing", "unit-testing,integration-testing")]
    [InlineData("relational and NoSQL databases", "relational-databases,nosql")]
    [InlineData("Java, Python, etc.", "java,python")]
    [InlineData("Excel (advanced)", "excel")]
    [InlineData("Go, Rust or similar", "go,rust")]
    [InlineData("logging and monitoring", "logging,observability")]
    public void Library_names_written_with_a_separator_shared_heads_and_fillers_give_each_skill(string mention, string ids) =>
        string.Join(',', T.Normalize(mention).Select(s => s.Id)).ShouldBe(ids, $"'{mention}'");

    [Theory]
    [InlineData("Power BI reports", "power-bi")]
    [InlineData("DAX queries", "dax")]
    [InlineData("SQL DBs", "relational-databases")]
    [InlineData("Kubernetes environments", "kubernetes")]
    [InlineData("Azure CLI", "azure")]
    [InlineData("AWS services", "aws")]
    [InlineData("iOS app", "ios")]
    [InlineData("Linux based environments", "linux")]
    [InlineData("Spring applications", "spring")]
    [InlineData("version control", "version-control")]
    [InlineData("ORMs", "orm")]
    public void A_skill_qualified_by_a_generic_word_is_that_skill(string mention, string id) => (T.NormalizeOne(mention)?.Id).ShouldBe(id, $"'{mention}'");

    [Theory]
    [InlineData("back-end services")]
    [InlineData("security services")]
    [InlineData("dynamic skills")]
    [InlineData("production environment")]
    [InlineData("build tools")]
    [InlineData("Microsoft technologies")]
    [InlineData("communication skills")]
    [InlineData("native apps")]
    public void Generic_words_around_no_skill_or_a_broad_concept_stay_unknown(string mention) => T.Normalize(mention).ShouldBeEmpty($"'{mention}'");

    [Fact]
    public void Implications_from_the_issue_hold()
    {
        bool Implies(string from, string to) => T.Find(from) is { } f && T.Find(to) is { } t && T.ImpliedBy(f).Contains(t.Index);
        Implies("aspnet-core", "csharp").ShouldBeTrue();
        Implies("aspnet-core", "dotnet").ShouldBeTrue();
        Implies("django", "python").ShouldBeTrue();
        Implies("spring-boot", "java").ShouldBeTrue();
    }

    [Theory]
    [InlineData("postgres", "postgresql")]
    [InlineData("PostgreSQL 15", "postgresql")]
    [InlineData("csharp", "csharp")]
    [InlineData("C Sharp", "csharp")]
    [InlineData(".NET Core", "dotnet")]
    [InlineData("k8s", "kubernetes")]
    [InlineData("Java 17", "java")]
    [InlineData("Python3", "python")]
    public void Examples_from_the_issue_normalize(string mention, string id) => (T.NormalizeOne(mention)?.Id).ShouldBe(id, $"'{mention}'");
}
