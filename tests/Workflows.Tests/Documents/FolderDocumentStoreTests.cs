using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Workflows.Documents;

namespace Workflows.Tests.Documents;

public sealed class FolderDocumentStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "documents-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly FolderDocumentStore store;

    public FolderDocumentStoreTests() =>
        store = new FolderDocumentStore(root, new DocumentLinkSigner(new byte[32], new Uri("http://localhost:7071/"), clock), clock);

    public void Dispose()
    {
        store.Dispose();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Directory.Delete(root, recursive: true);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Put_ThenGet_RoundTripsContentTypeMetadataAndSha256()
    {
        var content = Bytes("Funksjonsbeskrivelse – signert av sykepleier, nærmeste leder og nettverksleder");

        var stored = await store.PutAsync("ahus/nurses/42/funksjonsbeskrivelse.pdf", content, "application/pdf",
            new Dictionary<string, string> { ["network"] = "ahus" }, immutable: true);
        var (document, read) = (await store.GetAsync("ahus/nurses/42/funksjonsbeskrivelse.pdf"))!.Value;

        Assert.Equal(content, read);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), document.Sha256);
        Assert.Equal(stored, document with { Metadata = stored.Metadata });
        Assert.Equal("ahus", document.Metadata["network"]);
        Assert.Equal(("application/pdf", content.Length, true, clock.GetUtcNow()), (document.ContentType, document.Length, document.Immutable, document.CreatedAt));
    }

    [Fact]
    public async Task Put_SameContentAgain_IsANoOp_SoRetriedActivitiesAreSafe()
    {
        var first = await store.PutAsync("a/welcome.pdf", Bytes("x"), "application/pdf", immutable: true);
        clock.Advance(TimeSpan.FromHours(1));

        var again = await store.PutAsync("a/welcome.pdf", Bytes("x"), "application/pdf", immutable: true);

        Assert.Equal(first.CreatedAt, again.CreatedAt);
    }

    [Fact]
    public async Task Put_OtherContentOverAnImmutableDocument_IsRefused_AndTheOriginalStays()
    {
        await store.PutAsync("a/signed.pdf", Bytes("original"), "application/pdf", immutable: true);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.PutAsync("a/signed.pdf", Bytes("forged"), "application/pdf"));

        Assert.Equal(Bytes("original"), (await store.GetAsync("a/signed.pdf"))!.Value.Content);
    }

    [Fact]
    public async Task Put_OtherContentOverAMutableDocument_ReplacesIt()
    {
        await store.PutAsync("a/draft.pdf", Bytes("v1"), "application/pdf");

        await store.PutAsync("a/draft.pdf", Bytes("v2"), "application/pdf");

        Assert.Equal(Bytes("v2"), (await store.GetAsync("a/draft.pdf"))!.Value.Content);
    }

    [Fact]
    public async Task Get_Missing_IsNull_AndAlteredOnDisk_IsDetected()
    {
        Assert.Null(await store.GetAsync("nothing/here.pdf"));

        await store.PutAsync("a/x.txt", Bytes("true"), "text/plain");
        await File.WriteAllTextAsync(Path.Combine(root, "a", "x.txt"), "false");

        await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("a/x.txt"));
    }

    [Fact]
    public async Task List_ByPrefix_InKeyOrder()
    {
        foreach (var key in new[] { "forde/b.pdf", "ahus/nurses/2/a.pdf", "ahus/nurses/1/a.pdf", "ahus/reports/2026.pdf" })
        {
            await store.PutAsync(key, Bytes(key), "application/pdf");
        }

        var listed = new List<string>();
        await foreach (var document in store.ListAsync("ahus/nurses/"))
        {
            listed.Add(document.Key);
        }

        Assert.Equal(["ahus/nurses/1/a.pdf", "ahus/nurses/2/a.pdf"], listed);
    }

    [Theory]
    [InlineData("../escape.pdf")]
    [InlineData("/absolute.pdf")]
    [InlineData("a//b.pdf")]
    [InlineData("a/../b.pdf")]
    [InlineData("a/b.pdf.meta.json")]
    [InlineData("with space.pdf")]
    [InlineData("")]
    public async Task Put_BadKey_IsRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, Bytes("x"), "text/plain"));
    }

    [Fact]
    public async Task ReadLink_IsSignedAndExpires()
    {
        var signer = new DocumentLinkSigner(new byte[32], new Uri("http://localhost:7071/"), clock);

        var link = await store.GetReadLinkAsync("ahus/nurses/42/funksjonsbeskrivelse.pdf", TimeSpan.FromMinutes(30));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var expires = long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("/documents/ahus/nurses/42/funksjonsbeskrivelse.pdf", link.AbsolutePath);
        Assert.True(signer.Verify("ahus/nurses/42/funksjonsbeskrivelse.pdf", expires, query["sig"]));
        Assert.False(signer.Verify("ahus/nurses/43/funksjonsbeskrivelse.pdf", expires, query["sig"]));
        Assert.False(signer.Verify("ahus/nurses/42/funksjonsbeskrivelse.pdf", expires + 1, query["sig"]));
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.False(signer.Verify("ahus/nurses/42/funksjonsbeskrivelse.pdf", expires, query["sig"]));
    }

    [Fact]
    public async Task Put_ADraftThenItsSignedVersion_KeepsOnlyTheSignedOne_WhichIsThenFinal()
    {
        await store.PutAsync("a/promote.pdf", Bytes("draft"), "application/pdf");

        await store.PutAsync("a/promote.pdf", Bytes("signed"), "application/pdf", immutable: true);
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.PutAsync("a/promote.pdf", Bytes("later"), "application/pdf"));

        var (document, content) = (await store.GetAsync("a/promote.pdf"))!.Value;
        Assert.Equal(Bytes("signed"), content);
        Assert.True(document.Immutable);
        var listed = new List<string>();
        await foreach (var item in store.ListAsync("a/promote"))
        {
            listed.Add(item.Key);
        }

        Assert.Equal(["a/promote.pdf"], listed);
    }
}
