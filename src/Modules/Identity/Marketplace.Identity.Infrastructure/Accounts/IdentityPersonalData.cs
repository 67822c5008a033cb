using Marketplace.Identity.Contracts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>The identity module's part of a user's data export: the account, its roles, sessions and API clients.</summary>
internal sealed class IdentityPersonalData(IdentityModuleDbContext db) : IPersonalDataSource
{
    public string Module => "identity";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.CreatedAt, s.ExpiresAt }).ToListAsync(cancellationToken);
        var clients = await db.ApiClients.AsNoTracking().Where(c => c.OwnerId == userId)
            .Select(c => new { c.ClientId, c.DisplayName, c.Scopes, c.CreatedAt }).ToListAsync(cancellationToken);
        return new
        {
            user.Id,
            user.Email,
            user.EmailConfirmed,
            AccountKind = user.Kind.ToString(),
            user.CompanyName,
            user.CreatedAt,
            Roles = roles,
            Sessions = sessions,
            ApiClients = clients,
        };
    }
}
