using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Profiles.Application.Import.Confirm;
using Marketplace.Profiles.Application.Import.Read;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Profiles.Get;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Profiles.Web.Pages.Profile;

/// <summary>
/// CV import in two steps: read (upload or paste; the text is read and its skills found, nothing stored), then review
/// (each skill with the sentence it came from, level, years and last use to confirm or correct) and confirm, which is
/// the first write. Between the two the text travels in the form, so nothing is kept until the seeker says so.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes, ValueLengthLimit = MaxUploadBytes)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed class ImportModel(ISender sender) : PageModel
{
    // Above the 5 MB a CV may have, so a bigger file still gets a message on the page rather than a refused request.
    public const int MaxUploadBytes = 16 * 1024 * 1024;

    public MyProfileDto Profile { get; private set; } = null!;

    /// <summary>What the CV says, on the review step; null on the first step.</summary>
    public CvReading? Reading { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? PastedText { get; set; }

    [BindProperty]
    public ReviewForm Review { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        byte[]? file = null;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > ReadCvValidator.MaxFileBytes)
            {
                ModelState.AddModelError(nameof(Upload), "The file is larger than 5 MB. Save a smaller PDF (without images), or paste the text.");
                return Page();
            }

            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, cancellationToken);
            file = buffer.ToArray();
        }

        return await ReadAsync(new ReadCv(Upload?.FileName, file, file is null ? PastedText : null), cancellationToken);
    }

    public async Task<IActionResult> OnPostReadLastAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? await ReadAsync(new ReadCv(null, null, null, UseLastCv: true), cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var (included, skills) = ProfileForms.SkillRows(Review.Skills, "Review.Skills", ModelState, row => row.Include,
            row => (row.SkillId, row.Name, row.Level, row.Years, row.LastUsed));

        if (ModelState.IsValid)
        {
            var confirmed = await sender.Send(new ConfirmCvImport(Review.Version, Review.CvText, Review.FileName, Review.Format, skills), cancellationToken);
            if (confirmed.IsSuccess)
            {
                var (added, updated, _) = confirmed.Value;
                Notice = added + updated == 0
                    ? "Your CV's text is saved; no skills changed."
                    : $"From your CV: {added} {(added == 1 ? "skill" : "skills")} added{(updated > 0 ? $", {updated} updated" : "")}.";
                return RedirectToPage("/Profile/Index");
            }

            if (confirmed.FirstError.Kind == ErrorKind.Forbidden)
            {
                return Forbid();
            }

            if (confirmed.FirstError.Kind == ErrorKind.Conflict)
            {
                ModelState.AddModelError(string.Empty, "Your profile changed while you reviewed your CV. The list below is read again; check it and save.");
                return await ReadAsync(new ReadCv(null, null, Review.CvText), cancellationToken, keepFormat: Review.Format, keepFileName: Review.FileName);
            }

            ModelState.AddErrors(confirmed.Errors, field =>
                ProfileForms.Indexed(field, "Skills") is { } at && at.Index < included.Count
                    ? $"Review.Skills[{included[at.Index]}]{(at.Tail is ".SkillId" or "" ? ".Include" : at.Tail)}"
                    : null);
        }

        // Back to the review with what was sent: the sentences are found again from the text, the choices kept.
        var again = await sender.Send(new ReadCv(null, null, Review.CvText), cancellationToken);
        Reading = again.IsSuccess ? again.Value with { Format = Review.Format ?? again.Value.Format, FileName = Review.FileName } : null;
        return Page();
    }

    private async Task<IActionResult> ReadAsync(ReadCv query, CancellationToken cancellationToken, string? keepFormat = null, string? keepFileName = null)
    {
        var read = await sender.Send(query, cancellationToken);
        if (read.IsFailure)
        {
            if (read.FirstError.Kind == ErrorKind.Forbidden)
            {
                return Forbid();
            }

            ModelState.AddErrors(read.Errors, field => field switch
            {
                "File" => nameof(Upload),
                "Text" or "PastedText" => nameof(PastedText),
                _ => null,
            });
            return Page();
        }

        Reading = read.Value with { Format = keepFormat ?? read.Value.Format, FileName = keepFileName ?? read.Value.FileName };
        ModelState.Clear();
        Review = new ReviewForm
        {
            Version = Reading.Version,
            CvText = Reading.Text,
            FileName = Reading.FileName,
            Format = Reading.Format,
            Skills = [.. Reading.Skills.Select(found => new ReviewRow
            {
                SkillId = found.SkillId,
                Name = found.Name,
                // A skill the profile has is left as it is unless the seeker ticks it.
                Include = found.OnProfile is null,
                Level = found.OnProfile?.Level ?? found.SuggestedLevel,
                Years = ProfileForms.Format(found.SuggestedYears ?? found.OnProfile?.Years),
                LastUsed = ProfileForms.Format(found.SuggestedLastUsed ?? found.OnProfile?.LastUsed),
            })],
        };
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var profile = await sender.Send(new GetMyProfile(), cancellationToken);
        if (profile.IsFailure)
        {
            return false;
        }

        Profile = profile.Value;
        return true;
    }

    public sealed class ReviewForm
    {
        public long Version { get; set; }

        public string? CvText { get; set; }

        public string? FileName { get; set; }

        public string? Format { get; set; }

        public List<ReviewRow> Skills { get; set; } = [];
    }

    public sealed class ReviewRow
    {
        public string? SkillId { get; set; }

        public string? Name { get; set; }

        public bool Include { get; set; }

        public int Level { get; set; } = 3;

        public string? Years { get; set; }

        public string? LastUsed { get; set; }
    }
}
