using System.Net;
using System.Text;
using Marketplace.Courses.Domain.Imports;
using Marketplace.Courses.Tests.Fixtures;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Courses.Tests.Imports;

[Collection(CoursesCollection.Name)]
public sealed class CourseImportTests(CoursesFixture fixture)
{
    private MarketplaceApp App => fixture.App;

    /// <summary>A provider's export with headers no guess maps, semicolon-separated, skills in every form a cell takes.</summary>
    private static string ProviderFile(string prefix) =>
        $"""
        Kurs;Adresse;Aufwand;Preis;Kompetenzen;Stufe
        {prefix} PostgreSQL Basics;https://lernwerk.example/{prefix}/pg;12 hours;49;PostgreSQL, SQL;Beginner
        {prefix} Docker Deep Dive;https://lernwerk.example/{prefix}/docker;3 weeks;€79;"Docker:4; Kubernetes";Advanced
        {prefix} Go Services;https://lernwerk.example/{prefix}/go;1 - 3 Months;Free;"[""Go"", ""gRPC""]";Intermediate
        {prefix} Mystery;not a link;12 hours;49;Go;Beginner
        {prefix} Frob;https://lernwerk.example/{prefix}/frob;5 hours;10;Frobnication, Quuxing;Beginner
        {prefix} Timeless;https://lernwerk.example/{prefix}/t;whenever;10;Go;Beginner
        {prefix} Again;https://lernwerk.example/{prefix}/pg/;2 hours;10;SQL;Beginner
        """;

    private static Dictionary<string, string> Mapping(string handler = "") => new()
    {
        ["Columns[Title]"] = "Kurs",
        ["Columns[Link]"] = "Adresse",
        ["Columns[Duration]"] = "Aufwand",
        ["Columns[Price]"] = "Preis",
        ["Columns[Skills]"] = "Kompetenzen",
        ["Columns[Level]"] = "Stufe",
    };

    private async Task<string> UploadAsync(Visitor admin, string source, string content)
    {
        using var uploaded = await admin.UploadAsync(source, "courses.csv", Encoding.UTF8.GetBytes(content));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        return uploaded.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task An_admin_maps_the_columns_sees_the_rejected_rows_by_line_imports_and_the_mapping_is_remembered()
    {
        using var admin = await App.AdminAsync();
        var source = $"Lernwerk {Guid.NewGuid():N}"[..20];
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var preview = await UploadAsync(admin, source, ProviderFile(prefix));

        var first = await admin.PageAsync(preview);
        first.QuerySelector("[data-testid=dry-run]").ShouldBeNull("no column is guessed from German headers, so nothing can be previewed yet");
        first.QuerySelector("select[name='Columns[Title]'] option[selected]").ShouldBeNull();

        using var mapped = await admin.PostAsync(preview, "Map", Mapping());
        mapped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.PageAsync(preview);
        page.QuerySelector("[data-testid=dry-run]")!.TextContent.ShouldContain("3 rows would be imported, 4 rejected");
        var rejected = page.QuerySelectorAll("[data-testid=rejected] tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        rejected.Select(r => r.Item1).ShouldBe(["5", "6", "7", "8"]);
        rejected[0].Item2.ShouldContain("not a full http or https address");
        rejected[1].Item2.ShouldContain("None of its skills is known");
        rejected[2].Item2.ShouldContain("could not be read");
        rejected[3].Item2.ShouldContain("same course as line 2");
        page.QuerySelectorAll("[data-testid=unknown] tbody tr td:first-child").Select(td => td.TextContent).ShouldBe(["Frobnication", "Quuxing"]);
        (await App.WithCoursesDbAsync(db => db.Courses.CountAsync(c => c.Title.StartsWith(prefix)))).ShouldBe(0, "nothing is imported before the admin starts it");

        using var started = await admin.PostAsync(preview, "Start", Mapping());
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.WaitForBackgroundWorkAsync();

        var done = await admin.PageAsync(preview);
        done.QuerySelector("[data-testid=import-progress]")!.GetAttribute("value").ShouldBe("100");
        done.QuerySelector("[data-testid=added]")!.TextContent.ShouldBe("3");
        done.QuerySelector("[data-testid=rejected-count]")!.TextContent.ShouldBe("4");
        var courses = await App.WithCoursesDbAsync(db => db.Courses.AsNoTracking().Where(c => c.Title.StartsWith(prefix)).OrderBy(c => c.Title).ToListAsync());
        courses.Select(c => (c.Title[9..], c.Hours, c.Price, c.Currency, c.Provider)).ShouldBe(
        [
            ("Docker Deep Dive", 15m, 79m, "EUR", source),
            ("Go Services", 40m, 0m, "USD", source),
            ("PostgreSQL Basics", 12m, 49m, "USD", source),
        ]);
        courses[0].Teaches.ShouldContain(new Marketplace.Courses.Domain.Catalog.TaughtSkill("docker", 4));
        courses[1].SkillIds.ShouldBe(["go", "grpc"]);

        // The next file from the same source opens with the mapping the admin chose.
        var next = await admin.PageAsync(await UploadAsync(admin, source.ToUpperInvariant(), ProviderFile(prefix)));
        next.QuerySelector("select[name='Columns[Title]'] option[selected]")!.GetAttribute("value").ShouldBe("Kurs");
        next.QuerySelector("select[name='Columns[Skills]'] option[selected]")!.GetAttribute("value").ShouldBe("Kompetenzen");
        next.QuerySelector("[data-testid=dry-run]")!.TextContent.ShouldContain("3 rows would be imported");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_and_a_changed_row_updates_its_course()
    {
        using var admin = await App.AdminAsync();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var file = $"""
            title,url,duration,price,skills,id
            {prefix} A,https://twice.example/{prefix}/a,10 hours,10,SQL,{prefix}-1
            {prefix} B,https://twice.example/{prefix}/b,20 hours,20,Docker,{prefix}-2
            """;
        async Task<string> ImportAsync(string content)
        {
            var preview = await UploadAsync(admin, "Twice", content);
            using var started = await admin.PostAsync(preview, "Start", new Dictionary<string, string>
            {
                ["Columns[Title]"] = "title", ["Columns[Link]"] = "url", ["Columns[Duration]"] = "duration", ["Columns[Price]"] = "price",
                ["Columns[Skills]"] = "skills", ["Columns[ProviderCourseId]"] = "id",
            });
            started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            await App.WaitForBackgroundWorkAsync();
            return preview;
        }

        await ImportAsync(file);
        var revisions = await App.WithCoursesDbAsync(db => db.Courses.Where(c => c.Title.StartsWith(prefix)).OrderBy(c => c.Title).Select(c => c.Revision).ToListAsync());
        var again = await admin.PageAsync(await ImportAsync(file));
        again.QuerySelector("[data-testid=added]")!.TextContent.ShouldBe("0");
        again.QuerySelector("[data-testid=updated]")!.TextContent.ShouldBe("0");
        again.QuerySelector("[data-testid=unchanged]")!.TextContent.ShouldBe("2");
        (await App.WithCoursesDbAsync(db => db.Courses.Where(c => c.Title.StartsWith(prefix)).OrderBy(c => c.Title).Select(c => c.Revision).ToListAsync())).ShouldBe(revisions);

        // Same provider id, new link and hours: the same course, updated.
        var changed = await admin.PageAsync(await ImportAsync(file.Replace($"https://twice.example/{prefix}/b,20 hours", $"https://twice.example/{prefix}/b2,25 hours")));
        changed.QuerySelector("[data-testid=updated]")!.TextContent.ShouldBe("1");
        changed.QuerySelector("[data-testid=unchanged]")!.TextContent.ShouldBe("1");
        var b = await App.WithCoursesDbAsync(db => db.Courses.SingleAsync(c => c.Title == $"{prefix} B"));
        (b.Hours, b.Link, b.Revision).ShouldBe((25m, $"https://twice.example/{prefix}/b2", revisions[1] + 1));
    }

    [Fact]
    public async Task A_file_of_ten_thousand_rows_imports_in_batches_to_the_end()
    {
        using var admin = await App.AdminAsync();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var file = new StringBuilder("Course Name,URL,Duration,Price,Skills,Level\n");
        string[] skills = ["PostgreSQL; Docker", "\"[\"\"Go\"\", \"\"Redis\"\"]\"", "\"C#, ASP.NET Core\"", "Kafka:4; Java"];
        for (var i = 0; i < 10_000; i++)
        {
            file.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix} course {i},https://bulk.example/{prefix}/{i},{1 + i % 40} hours,{i % 200},{skills[i % skills.Length]},Intermediate\n");
        }

        var preview = await UploadAsync(admin, "Bulk", file.ToString());
        (await admin.PageAsync(preview)).QuerySelector("[data-testid=dry-run]")!.TextContent.ShouldContain("10,000 rows would be imported, 0 rejected");
        using var started = await admin.PostAsync(preview, "Start", new Dictionary<string, string>
        {
            ["Columns[Title]"] = "Course Name", ["Columns[Link]"] = "URL", ["Columns[Duration]"] = "Duration", ["Columns[Price]"] = "Price",
            ["Columns[Skills]"] = "Skills", ["Columns[Level]"] = "Level",
        });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.WaitForBackgroundWorkAsync(TimeSpan.FromMinutes(3));

        var import = await App.WithCoursesDbAsync(db => db.Imports.AsNoTracking().SingleAsync(i => i.Id == Guid.Parse(preview.Split('/').Last())));
        (import.Status, import.ProcessedRows, import.Added, import.RejectedCount).ShouldBe((ImportStatus.Completed, 10_000, 10_000, 0));
        (await App.WithCoursesDbAsync(db => db.Courses.CountAsync(c => c.Title.StartsWith(prefix)))).ShouldBe(10_000);
    }

    [Fact]
    public async Task A_file_that_is_no_csv_is_refused_on_the_upload_form()
    {
        using var admin = await App.AdminAsync();
        using var response = await admin.UploadAsync("Broken", "courses.csv", Encoding.UTF8.GetBytes("just one column\n"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Visitor.ParseAsync(response)).QuerySelector("[data-valmsg-for=Upload]")!.TextContent.ShouldContain("first line must name its columns");
        using var empty = await admin.UploadAsync("Broken", "courses.csv", Encoding.UTF8.GetBytes("a,b\n"));
        (await Visitor.ParseAsync(empty)).QuerySelector("[data-valmsg-for=Upload]")!.TextContent.ShouldContain("no rows");
    }
}
