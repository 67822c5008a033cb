namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    /// <summary>The taxonomy and its unknown-mentions queue are kept by admins only (an empty post answers the form with its messages).</summary>
    private static readonly Routes Taxonomy = new()
    {
        ["PAGE /Admin/Taxonomy"] = new("GET", "/Admin/Taxonomy", Credential.Cookie, AdminsOnly),
        ["PAGE /Admin/Taxonomy/Index"] = new("GET", "/Admin/Taxonomy/Index?q=kafka", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Taxonomy/Index?handler=Alias"] = new("POST", "/Admin/Taxonomy?handler=Alias", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Taxonomy/Index?handler=Implication"] = new("POST", "/Admin/Taxonomy?handler=Implication", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Taxonomy/Index?handler=Relation"] = new("POST", "/Admin/Taxonomy?handler=Relation", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Taxonomy/Index?handler=Merge"] = new("POST", "/Admin/Taxonomy?handler=Merge", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Taxonomy/Index?handler=Skill"] = new("POST", "/Admin/Taxonomy?handler=Skill", Credential.Cookie, AdminsOnly),
        ["PAGE /Admin/Taxonomy/Mentions"] = new("GET", "/Admin/Taxonomy/Mentions", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Taxonomy/Mentions"] = new("POST", "/Admin/Taxonomy/Mentions", Credential.Cookie, AdminsOnly),
    };
}
