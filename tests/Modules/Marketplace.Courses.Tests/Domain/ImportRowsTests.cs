using Marketplace.Courses.Application.Imports;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Imports;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Courses.Tests.Domain;

public sealed class ImportRowsTests
{
    private static readonly CourseRowReader Reader = new(SkillTaxonomy.Embedded);

    private static readonly string[] Headers = ["Course Name", "URL", "Duration", "Price", "Skills", "Level", "Format", "Language", "Currency", "ID"];

    private static CsvTable Table(params string[][] rows) => new(Headers, [.. rows.Select((r, i) => new CsvRow(i + 2, r))]);

    private static string[] Row(string skills = "PostgreSQL; Docker", string duration = "12 hours", string price = "49", string link = "https://a.example/1", string level = "Beginner", string id = "") =>
        ["Course", link, duration, price, skills, level, "Self-paced", "English", "", id];

    [Theory]
    [InlineData("PostgreSQL, Docker")]
    [InlineData("PostgreSQL; Docker")]
    [InlineData("PostgreSQL | Docker")]
    [InlineData("""["PostgreSQL", "Docker"]""")]
    [InlineData("""[{"skill": "postgres", "level": 3}, {"name": "docker"}]""")]
    public void A_skills_cell_is_a_list_in_any_of_its_forms(string cell)
    {
        var (teaches, unknown) = Reader.Skills(cell, CourseLevel.Intermediate);
        teaches.Select(t => t.SkillId).ShouldBe(["postgresql", "docker"]);
        unknown.ShouldBeEmpty();
        teaches[1].UpToLevel.ShouldBe(CourseWords.DefaultSkillLevel(CourseLevel.Intermediate));
    }

    [Fact]
    public void Levels_in_the_cell_are_kept_compound_mentions_give_each_skill_and_unknown_ones_are_reported()
    {
        var (teaches, unknown) = Reader.Skills("PostgreSQL:4, Docker (advanced), C#/.NET, Frobnication Theory", CourseLevel.Beginner);
        teaches.ShouldContain(new TaughtSkill("postgresql", 4));
        teaches.ShouldContain(new TaughtSkill("docker", 4));
        teaches.Select(t => t.SkillId).ShouldContain("csharp");
        teaches.Count.ShouldBeGreaterThanOrEqualTo(4);
        unknown.ShouldBe(["Frobnication Theory"]);
    }

    [Fact]
    public void The_guess_maps_usual_headers_and_the_required_fields_are_named_when_missing()
    {
        var mapping = ColumnMapping.Guess(Headers);
        mapping.ColumnOf(ImportField.Title).ShouldBe("Course Name");
        mapping.ColumnOf(ImportField.Link).ShouldBe("URL");
        mapping.ColumnOf(ImportField.ProviderCourseId).ShouldBe("ID");
        mapping.MissingRequired.ShouldBeEmpty();
        ColumnMapping.Guess(["Name", "Hours"]).MissingRequired.ShouldBe([ImportField.Link, ImportField.Price, ImportField.Skills]);
    }

    [Fact]
    public void Each_kind_of_bad_row_is_rejected_with_its_line_and_why()
    {
        var table = Table(
            Row(),
            Row(link: "not a link"),
            Row(duration: "a while"),
            Row(price: "ask us"),
            Row(skills: "Frobnication, Quuxing"),
            Row(level: "galactic"),
            Row(link: "https://a.example/1/"),
            ["", "", "", "", "", "", "", "", "", ""],
            Row(skills: "", link: "https://a.example/9"));
        var result = ImportRows.Read(table, 0, table.Rows.Count, ColumnMapping.Guess(Headers), new ImportDefaults("Stackwise"), Reader);

        result.Accepted.Count.ShouldBe(1);
        result.Rejected.Select(r => r.Line).ShouldBe([3, 4, 5, 6, 7, 8, 9, 10]);
        result.Rejected[0].Reason.ShouldContain("not a full http or https address");
        result.Rejected[1].Reason.ShouldContain("could not be read");
        result.Rejected[2].Reason.ShouldContain("not an amount");
        result.Rejected[3].Reason.ShouldContain("None of its skills is known: Frobnication, Quuxing");
        result.Rejected[4].Reason.ShouldContain("Level 'galactic'");
        result.Rejected[5].Reason.ShouldContain("same course as line 2");
        result.Rejected[6].Reason.ShouldContain("empty");
        result.Rejected[7].Reason.ShouldBe("Skills is empty.");
        result.UnknownMentions.ShouldBe(["Frobnication", "Quuxing"]);
    }

    [Fact]
    public void A_row_with_more_values_than_columns_is_rejected_as_an_unquoted_separator_and_trailing_empty_cells_are_not()
    {
        string[] shifted = ["Course", "https://a.example/2", "12 hours", "49", "Python", " Django", "Beginner", "Self-paced", "English", "", "X9"];
        string[] trailing = [.. Row(link: "https://a.example/3"), "", " "];
        var result = ImportRows.Read(Table(Row(), shifted, trailing), 0, 3, ColumnMapping.Guess(Headers), new ImportDefaults("Stackwise"), Reader);

        result.Accepted.Count.ShouldBe(2);
        result.Rejected.ShouldBe([new RejectedRow(3,
            "The row has 11 values but the first line names 10 columns: a value that contains the separator needs quotes.")]);
    }

    [Fact]
    public void A_duplicate_is_rejected_the_same_way_whichever_batch_it_falls_in()
    {
        var table = Table(Row(id: "X1"), Row(id: "X2", link: "https://a.example/2"), Row(id: "X1", link: "https://a.example/3"));
        var mapping = ColumnMapping.Guess(Headers);
        var defaults = new ImportDefaults("Stackwise");
        var whole = ImportRows.Read(table, 0, 3, mapping, defaults, Reader);
        var last = ImportRows.Read(table, 2, 1, mapping, defaults, Reader);
        whole.Rejected.ShouldBe([new RejectedRow(4, "The same course as line 2 (same provider and id, or same link).")]);
        last.Rejected.ShouldBe(whole.Rejected);
    }

    [Fact]
    public void The_source_stands_for_the_provider_and_a_price_symbol_for_the_currency()
    {
        var table = Table(Row(price: "€39"));
        var details = ImportRows.Read(table, 0, 1, ColumnMapping.Guess(Headers), new ImportDefaults("Stackwise"), Reader).Accepted.Single();
        details.Provider.ShouldBe("Stackwise");
        details.Currency.ShouldBe("EUR");
        details.Price.ShouldBe(39);
        details.Hours.ShouldBe(12);
        details.Language.ShouldBe("en");
    }

    /// <summary>Every other kind of rejection, each on the third line of a file behind one good row, with the reason it gives.</summary>
    [Theory]
    [InlineData(0, "", "Title is empty.")]
    [InlineData(1, "", "Link is empty.")]
    [InlineData(1, "ftp://a.example/x", "Link 'ftp://a.example/x' is not a full http or https address.")]
    [InlineData(2, "", "Duration is empty.")]
    [InlineData(3, "", "Price is empty (write 0 or Free for a free course).")]
    [InlineData(5, "Wizard", "Level 'Wizard' is not beginner, intermediate or advanced.")]
    [InlineData(6, "carrier pigeon", "Format 'carrier pigeon' is not one we know")]
    [InlineData(7, "Klingon", "Language 'Klingon' is not one we know.")]
    [InlineData(8, "DOUBLOONS", "Currency 'DOUBLOONS' is not an ISO 4217 code we take")]
    public void A_bad_cell_rejects_its_row_with_the_line_and_why(int column, string cell, string reason)
    {
        var bad = Row(link: "https://a.example/2");
        bad[column] = cell;
        var result = ImportRows.Read(Table(Row(), bad), 0, 2, ColumnMapping.Guess(Headers), new ImportDefaults("Stackwise"), Reader);

        result.Accepted.Count.ShouldBe(1);
        var rejected = result.Rejected.ShouldHaveSingleItem();
        rejected.Line.ShouldBe(3);
        rejected.Reason.ShouldStartWith(reason);
    }
}
