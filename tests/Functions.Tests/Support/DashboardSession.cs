using System.Net;
using System.Text.RegularExpressions;

namespace Workflows.Functions.Tests.Support;

/// <summary>
/// The dashboard's forms posted over HTTP without a browser, for tests on the fake clock: signs in with the operator
/// key and sends each form with the anti-forgery token of the page it is on.
/// </summary>
public sealed partial class DashboardSession
{
    private readonly HttpClient http;

    private DashboardSession(HttpClient http) => this.http = http;

    /// <summary>Signs in through the login form (the client keeps the cookie).</summary>
    public static async Task<DashboardSession> SignInAsync(HttpClient http, string key)
    {
        var session = new DashboardSession(http);
        var response = await session.PostAsync("/dashboard/login", null, [new("key", key)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/dashboard/networks", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return session;
    }

    /// <summary>The page's HTML.</summary>
    public Task<string> PageAsync(string path) => http.GetStringAsync(path);

    /// <summary>Opens <paramref name="path"/> and posts its form (the <paramref name="handler"/> one, if named).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string? handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await http.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"No anti-forgery token on {path}.");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await http.PostAsync(handler is null ? path : $"{path}?handler={handler}", content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
