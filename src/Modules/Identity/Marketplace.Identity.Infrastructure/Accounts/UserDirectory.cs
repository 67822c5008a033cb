using Marketplace.Identity.Contracts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure.Accounts;

internal sealed class UserDirectory(IdentityModuleDbContext context) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> FindEmailsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var ids = userIds.Distinct().ToArray();
        return await context.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
    }
}
