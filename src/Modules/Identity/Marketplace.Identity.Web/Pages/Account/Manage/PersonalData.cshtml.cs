using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Accounts.Deletion;
using Marketplace.Identity.Application.PersonalData;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account.Manage;

public sealed class PersonalDataModel(ISender sender, IAccountSessions sessions, PersonalDataExport export, ICurrentUser currentUser) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var document = await export.ExportAsync(currentUser.UserId!.Value, cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(document, Json), "application/json", "marketplace-personal-data.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteAccount(Password), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, prefix: "");
            return Page();
        }

        // The account and its sessions are gone; this removes the cookie too.
        await sessions.SignOutAsync();
        return RedirectToPage("/Account/AccountDeleted");
    }
}
