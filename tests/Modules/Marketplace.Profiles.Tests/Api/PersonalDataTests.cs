using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Profiles.Contracts;
using Marketplace.Profiles.Tests.Fixtures;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Profiles.Tests.Api;

[Collection(ProfilesCollection.Name)]
public sealed class PersonalDataTests(ProfilesFixture fixture)
{
    private MarketplaceApp App => fixture.App;

    private static async Task ImportCvAsync(Person seeker, string text)
    {
        var review = await Person.ParseAsync(await seeker.SubmitAsync(await seeker.PageAsync("/Profile/Import"), "Read",
            new Dictionary<string, string?> { ["PastedText"] = text }));
        (await seeker.SubmitAsync(review, "Confirm")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_data_download_holds_the_profile_and_the_cv_text()
    {
        using var seeker = await Person.SignInAsync(App);
        await ImportCvAsync(seeker, "Seven years of C# and 3 years of Go at Contoso.");
        using var api = await seeker.ApiAsync();
        (await api.PutAsJsonAsync("/api/v1/me/profile", new
        {
            version = 1,
            displayName = "Ada Example",
            skills = new object[] { new { skillId = "csharp", level = 5 }, new { skillId = "go", level = 3, years = 3 } },
            preferences = new { workModes = new[] { "Remote" }, visibility = "Private" },
        })).EnsureSuccessStatusCode();

        using var download = await seeker.Browser.GetAsync("/Account/Manage/PersonalData?handler=Download");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var profiles = document.RootElement.GetProperty("profiles");
        var profile = profiles.GetProperty("profile");
        profile.GetProperty("displayName").GetString().ShouldBe("Ada Example");
        profile.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillId").GetString()).ShouldBe(["csharp", "go"]);
        profile.GetProperty("preferences").GetProperty("visibility").GetString().ShouldBe("Private");
        profiles.GetProperty("cv").GetProperty("text").GetString().ShouldBe("Seven years of C# and 3 years of Go at Contoso.");
    }

    [Fact]
    public async Task A_user_without_a_profile_has_no_profile_data()
    {
        using var seeker = await Person.SignInAsync(App);

        using var download = await seeker.Browser.GetAsync("/Account/Manage/PersonalData?handler=Download");

        using var document = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("profiles").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Deleting_the_account_erases_the_profile_and_cv_and_tells_matching()
    {
        using var seeker = await Person.SignInAsync(App);
        await ImportCvAsync(seeker, "Kafka and PostgreSQL for 4 years.");
        var page = await seeker.PageAsync("/Account/Manage/PersonalData");

        var deleted = await seeker.SubmitAsync(page, "Delete", new Dictionary<string, string?> { ["Password"] = ApiAccess.Password });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // UserDeleted travels through the identity outbox and a Hangfire delivery: wait for it, within a bound.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await App.WithProfilesDbAsync(db => db.Profiles.AnyAsync(p => p.Id == seeker.Id)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the profile was not erased within 60 s");
            await Task.Delay(200);
        }

        (await App.WithProfilesDbAsync(db => db.CvDocuments.AnyAsync(c => c.Id == seeker.Id))).ShouldBeFalse();
        var removed = (await App.ProfilesOutboxAsync<ProfileRemoved>()).Where(e => e.ProfileId == seeker.Id).ShouldHaveSingleItem();
        var lastChange = (await App.ProfilesOutboxAsync<ProfileChanged>()).Where(e => e.ProfileId == seeker.Id).Max(e => e.Revision);
        removed.Revision.ShouldBeGreaterThan(lastChange);
    }
}
