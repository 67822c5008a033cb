using System.Security.Claims;
using Marketplace.BuildingBlocks.Application.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Scalar.AspNetCore;

namespace Marketplace.Web.Hosting;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and its reference at /scalar. The document says how to get a token (OAuth 2.0
/// client credentials for an employer's API client, authorization code with PKCE for the app client) and, for each
/// operation, the scopes and roles its authorization policy demands and the 4xx answers it can give, so Scalar's
/// Authorize works and generated clients know what to expect.
/// </summary>
public static class ApiDocument
{
    public const string SecurityScheme = "oauth2";
    public const string AppClientId = "marketplace-spa";

    public static WebApplicationBuilder AddApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DescribeSecurity>();
            options.AddOperationTransformer<DescribeOperationSecurity>();
        });
        return builder;
    }

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/scalar", options => options
            .AddPreferredSecuritySchemes(SecurityScheme)
            .AddAuthorizationCodeFlow(SecurityScheme, flow => flow.WithClientId(AppClientId).WithPkce(Pkce.Sha256))
            .AddClientCredentialsFlow(SecurityScheme, _ => { }));
        return app;
    }

    /// <summary>Every scope the authorization server accepts: the modules' API scopes and the OpenID Connect ones.</summary>
    internal static IReadOnlyList<string> RegisteredScopes(IOptionsMonitor<OpenIddictServerOptions> server) =>
        [.. server.CurrentValue.Scopes.Append(OpenIddictConstants.Scopes.OpenId).Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>Info, servers, the OAuth 2.0 security scheme with both flows, and the ProblemDetails schema the 4xx answers use.</summary>
internal sealed class DescribeSecurity(IOptionsMonitor<OpenIddictServerOptions> server, IApiScopes apiScopes) : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Marketplace API";
        document.Info.Description = "Job postings, skills and matching for backend developers. Employers call it with an API " +
            "client's credentials (Account → API clients); the first-party app uses the authorization code flow with PKCE.";
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };
        // Relative to wherever the document was fetched from: a server URL taken from the request's Host header would let
        // a forged header into the document.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This Marketplace server" }];

        var scopes = ApiDocument.RegisteredScopes(server);
        var descriptions = apiScopes.All.ToDictionary(s => s.Name, s => s.Description);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiDocument.SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Bearer access tokens from /connect/token (discovery: /.well-known/openid-configuration). Employers' API " +
                "clients use the client credentials flow; the first-party app client (" + ApiDocument.AppClientId + ") uses the " +
                "authorization code flow with PKCE (S256, required).",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = Describe(scopes.Intersect(apiScopes.ForApiClients().Select(s => s.Name)), descriptions),
                },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = Describe(scopes, descriptions),
                    // The server requires PKCE (S256) of this public client, which has no secret. The extension is
                    // Redocly's; Scalar, which spells it differently, gets PKCE from its own options (MapApiDocument).
                    Extensions = new Dictionary<string, IOpenApiExtension>
                    {
                        ["x-usePkce"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonObject { ["hideClientSecretInput"] = true }),
                    },
                },
            },
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(nameof(ProblemDetails)))
        {
            document.Components.Schemas[nameof(ProblemDetails)] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        }

        if (!document.Components.Schemas.ContainsKey(nameof(HttpValidationProblemDetails)))
        {
            document.Components.Schemas[nameof(HttpValidationProblemDetails)] =
                await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), cancellationToken: cancellationToken);
        }
    }

    private static Dictionary<string, string> Describe(IEnumerable<string> scopes, Dictionary<string, string> apiScopes) => scopes.ToDictionary(s => s, s => s switch
    {
        OpenIddictConstants.Scopes.OpenId => "Sign the user in (an identity token).",
        OpenIddictConstants.Scopes.Email => "The user's email address.",
        OpenIddictConstants.Scopes.Roles => "The user's roles.",
        OpenIddictConstants.Scopes.OfflineAccess => "A refresh token.",
        _ => apiScopes.GetValueOrDefault(s) ?? s,
    });
}

/// <summary>
/// Per operation: the security requirement its authorization demands, found by evaluating its combined policy (so the
/// document says what the server enforces, however the policy was built), and the 4xx answers it can give.
/// </summary>
internal sealed class DescribeOperationSecurity(
    IAuthorizationPolicyProvider policies,
    IServiceProvider services,
    IOptionsMonitor<OpenIddictServerOptions> server) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        operation.Responses ??= new OpenApiResponses();
        var hasInput = context.Description.ParameterDescriptions.Count > 0;
        var hasBody = context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body);
        if (hasInput)
        {
            Add(operation, "400", "The request is malformed or has invalid fields (each named in errors).", nameof(HttpValidationProblemDetails), document);
        }

        if (hasBody)
        {
            Add(operation, "413", "The request body is larger than this operation accepts.", nameof(ProblemDetails), document);
            Add(operation, "415", "The request body is not application/json.", nameof(ProblemDetails), document);
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>());
        if (policy is null)
        {
            return;
        }

        var requirement = await RequirementOfAsync(policy);
        Add(operation, "401", "No valid bearer token: missing, expired or revoked.", nameof(ProblemDetails), document);
        Add(operation, "403", requirement.Roles.Count > 0
            ? $"The token lacks a required scope, or is not a token of a user (or a client owned by a user) in the role {string.Join(" or ", requirement.Roles)}."
            : "The token lacks a required scope.", nameof(ProblemDetails), document);
        if (!policy.AuthenticationSchemes.Contains(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme))
        {
            return;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.SecurityScheme, document)] = [.. requirement.Scopes] }];
        if (requirement.Roles.Count > 0)
        {
            operation.Description = $"{operation.Description}\n\nRequires the role {string.Join(" or ", requirement.Roles)}.".TrimStart();
        }
    }

    private sealed record Requirement(IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles);

    /// <summary>
    /// The scopes without which the policy fails for a token that has every role it names and every registered scope;
    /// an assertion that checks a scope cannot be read, only run.
    /// </summary>
    private async Task<Requirement> RequirementOfAsync(AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        var scopes = ApiDocument.RegisteredScopes(server);
        await using var scope = services.CreateAsyncScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(Token(scopes, roles), policy)).Succeeded)
        {
            return new Requirement([], roles);
        }

        var required = new List<string>();
        foreach (var candidate in scopes)
        {
            if (!(await authorization.AuthorizeAsync(Token(scopes.Where(s => s != candidate), roles), policy)).Succeeded)
            {
                required.Add(candidate);
            }
        }

        return new Requirement(required, roles);
    }

    private static ClaimsPrincipal Token(IEnumerable<string> scopes, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(
            OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.SetClaim(OpenIddictConstants.Claims.Subject, Guid.Empty.ToString());
        identity.SetScopes(scopes);
        identity.SetClaims(OpenIddictConstants.Claims.Role, [.. roles]);
        return new ClaimsPrincipal(identity);
    }

    private static void Add(OpenApiOperation operation, string status, string description, string schema, OpenApiDocument? document)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }
}
