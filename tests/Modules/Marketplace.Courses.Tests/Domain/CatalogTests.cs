using CsCheck;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Enrolments;

namespace Marketplace.Courses.Tests.Domain;

public sealed class CatalogTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static CourseDetails Valid(string title = "PostgreSQL Fundamentals", string? providerId = "PG-101", string link = "https://northwind.example/courses/pg") => new(
        title, "Northwind Academy", providerId, link, CourseFormat.SelfPaced, CourseLevel.Beginner, 12, 49.99m, "usd", "English", null,
        [new TaughtSkill("postgresql", 3), new TaughtSkill("sql", 2)]);

    [Fact]
    public void A_valid_course_is_created_with_its_values_normalised()
    {
        var course = Course.Create(Guid.NewGuid(), Valid() with { Provider = "  Northwind   Academy " }, Now).Value;
        course.Provider.ShouldBe("Northwind Academy");
        course.Currency.ShouldBe("USD");
        course.Language.ShouldBe("en");
        course.SkillIds.ShouldBe(["postgresql", "sql"]);
        course.Revision.ShouldBe(1);
        course.Listed.ShouldBeTrue();
        course.ImportKey.ShouldBe("northwind academy|id:PG-101");
    }

    [Theory]
    [InlineData("Title")]
    [InlineData("Provider")]
    [InlineData("Link")]
    [InlineData("Hours")]
    [InlineData("Price")]
    [InlineData("Currency")]
    [InlineData("Language")]
    [InlineData("Teaches")]
    public void Each_broken_field_is_named_in_the_error(string field)
    {
        var broken = field switch
        {
            "Title" => Valid() with { Title = "x" },
            "Provider" => Valid() with { Provider = "" },
            "Link" => Valid() with { Link = "ftp://files.example/course" },
            "Hours" => Valid() with { Hours = 0 },
            "Price" => Valid() with { Price = -1 },
            "Currency" => Valid() with { Currency = "EURO" },
            "Language" => Valid() with { Language = "Klingon" },
            _ => Valid() with { Teaches = [new TaughtSkill("postgresql", 6)] },
        };
        var created = Course.Create(Guid.NewGuid(), broken, Now);
        created.IsFailure.ShouldBeTrue();
        created.Errors.Select(e => e.Field).ShouldBe([field]);
    }

    [Fact]
    public void The_import_key_is_the_provider_and_its_id_or_else_the_normalised_link()
    {
        Course.ImportKeyOf("Stackwise", null, "https://Stackwise.example/c/go/#reviews").ShouldBe(Course.ImportKeyOf(" stackwise ", "", "https://stackwise.example/c/go"));
        Course.ImportKeyOf("Stackwise", "GO-1", "https://a.example/1").ShouldBe(Course.ImportKeyOf("STACKWISE", "GO-1", "https://b.example/2"));
        Course.ImportKeyOf("Stackwise", "GO-1", "https://a.example/1").ShouldNotBe(Course.ImportKeyOf("Codeharbor", "GO-1", "https://a.example/1"));
    }

    [Fact]
    public void Updating_raises_the_revision_and_unlisting_keeps_the_course()
    {
        var course = Course.Create(Guid.NewGuid(), Valid(), Now).Value;
        course.Update(Valid() with { Hours = 14 }, Now.AddHours(1)).IsSuccess.ShouldBeTrue();
        course.Revision.ShouldBe(2);
        course.List(false, Now.AddHours(2));
        course.Listed.ShouldBeFalse();
        course.Revision.ShouldBe(3);
        course.Update(Valid() with { Teaches = [] }, Now).IsFailure.ShouldBeTrue();
        course.Hours.ShouldBe(14);
    }

    [Fact]
    public void An_enrolment_goes_from_progress_to_completion_once_and_refuses_what_does_not_fit()
    {
        var enrolment = Enrolment.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now);
        enrolment.RecordProgress(40, Now).IsSuccess.ShouldBeTrue();
        enrolment.Progress.ShouldBe(40);
        enrolment.RecordProgress(101, Now).FirstError.Field.ShouldBe("Progress");
        enrolment.Resume(Now).FirstError.Code.ShouldBe("enrolment.exists");
        enrolment.Withdraw(Now).IsSuccess.ShouldBeTrue();
        enrolment.RecordProgress(50, Now).IsFailure.ShouldBeTrue();
        enrolment.Resume(Now).IsSuccess.ShouldBeTrue();
        enrolment.Progress.ShouldBe(40);
        enrolment.RecordProgress(100, Now.AddDays(1)).IsSuccess.ShouldBeTrue();
        enrolment.Status.ShouldBe(EnrolmentStatus.Completed);
        enrolment.CompletedAt.ShouldBe(Now.AddDays(1));
        enrolment.Complete(Now).FirstError.Code.ShouldBe("enrolment.not_in_progress");
        enrolment.Withdraw(Now).IsFailure.ShouldBeTrue();
        enrolment.Resume(Now).FirstError.Code.ShouldBe("enrolment.completed");
    }

    [Fact]
    public void Progress_in_range_is_kept_and_out_of_range_refused_whatever_came_before()
    {
        Gen.Int[-50, 150].Array[1, 10].Sample(steps =>
        {
            var enrolment = Enrolment.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now);
            foreach (var step in steps)
            {
                var before = (enrolment.Status, enrolment.Progress);
                var result = enrolment.RecordProgress(step, Now);
                if (before.Status != EnrolmentStatus.InProgress || step is < 0 or > 100)
                {
                    result.IsFailure.ShouldBeTrue();
                    (enrolment.Status, enrolment.Progress).ShouldBe(before);
                }
                else
                {
                    enrolment.Progress.ShouldBe(step);
                    enrolment.Status.ShouldBe(step == 100 ? EnrolmentStatus.Completed : EnrolmentStatus.InProgress);
                }
            }
        });
    }

    [Theory]
    [InlineData("Free", 0, null)]
    [InlineData("49.99", 49.99, null)]
    [InlineData("$49", 49, "USD")]
    [InlineData("€ 1.299,00", 1299, "EUR")]
    [InlineData("£1,299.50", 1299.5, "GBP")]
    [InlineData("39 EUR", 39, "EUR")]
    [InlineData("49.99 per month", 49.99, null)]
    public void Prices_as_written_become_an_amount_and_maybe_a_currency(string text, double amount, string? currency) =>
        CourseWords.Price(text).ShouldBe(((decimal)amount, currency));

    [Theory]
    [InlineData("Self-paced", CourseFormat.SelfPaced)]
    [InlineData("instructor-led", CourseFormat.LiveOnline)]
    [InlineData("Hands-on labs", CourseFormat.Interactive)]
    [InlineData("Boot camp", CourseFormat.Bootcamp)]
    [InlineData("LiveOnline", CourseFormat.LiveOnline)]
    public void Formats_as_providers_name_them(string text, CourseFormat format) => CourseWords.Format(text).ShouldBe(format);
}
