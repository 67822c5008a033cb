using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Tests.Fixtures;

/// <summary>
/// For hosts without a Hangfire server: right after commit, sends the stored mail in the background through the mail
/// block's own delivery (the job's body), so what is stored, encrypted, rendered and marked sent is all real; only the
/// Hangfire queue between commit and delivery is left out (hosts with a server keep it).
/// </summary>
public sealed class SendMailAtOnce(IServiceScopeFactory scopes) : IMailSendTrigger
{
    public void SendAfterCommit(IReadOnlyList<Guid> mailIds) => _ = Task.Run(async () =>
    {
        foreach (var id in mailIds)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MailDelivery>().TrySendAsync(id, CancellationToken.None);
        }
    });
}
