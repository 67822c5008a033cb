using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Accounts.Registration;
using Marketplace.Jobs.Contracts;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Identity.Web.Pages.Account;

public sealed class SignUpModel(ISender sender, ICompanyInvitations invitations) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    /// <summary>The invitation the link carried, when someone signs up to join a company.</summary>
    public InvitationCheck? Invitation { get; private set; }

    public async Task OnGetAsync(string? invitation, CancellationToken cancellationToken)
    {
        if (invitation is not null)
        {
            Invitation = await invitations.CheckAsync(invitation, cancellationToken);
            Input.InvitationToken = invitation;
            Input.Email = Invitation.Problem is null ? Invitation.Email : null;
            Input.Kind = AccountKind.Employer;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SignUp(Input.Email, Input.Password, Input.Kind, Input.CompanyName, Input.InvitationToken), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            Input.Password = null;
            if (!string.IsNullOrWhiteSpace(Input.InvitationToken))
            {
                Invitation = await invitations.CheckAsync(Input.InvitationToken, cancellationToken);
            }

            return Page();
        }

        // The same page whether or not the email was already registered: the mailbox tells its owner which.
        return RedirectToPage("/Account/CheckEmail");
    }

    public sealed class SignUpInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public AccountKind Kind { get; set; } = AccountKind.JobSeeker;

        public string? CompanyName { get; set; }

        public string? InvitationToken { get; set; }
    }
}
