using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Workflows.Documents;
using Workflows.TestSupport;

namespace Workflows.Tests.Documents;

[Collection(AzuriteCollection.Name)]
public sealed class BlobDocumentStoreTests(Azurite azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private BlobDocumentStore store = null!;
    private string suffix = string.Empty;

    public async Task InitializeAsync()
    {
        suffix = Guid.NewGuid().ToString("N")[..8];
        store = new BlobDocumentStore(new BlobServiceClient(azurite.ConnectionString), clock, $"documents-{suffix}", $"signed-{suffix}");
        await store.InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Put_ThenGet_RoundTripsWithSha256AndNorwegianMetadata()
    {
        var content = Bytes("%PDF-1.7 funksjonsbeskrivelse, signert");

        await store.PutAsync("ahus/nurses/42/funksjonsbeskrivelse-signert.pdf", content, "application/pdf",
            new Dictionary<string, string> { ["signers"] = "Åse Ødegård; Bjørn Æsøy" }, immutable: true);
        var (document, read) = (await store.GetAsync("ahus/nurses/42/funksjonsbeskrivelse-signert.pdf"))!.Value;

        Assert.Equal(content, read);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), document.Sha256);
        Assert.Equal("Åse Ødegård; Bjørn Æsøy", document.Metadata["signers"]);
        Assert.True(document.Immutable);
        Assert.Equal("application/pdf", document.ContentType);
    }

    [Fact]
    public async Task Put_SameContentTwice_IsIdempotent_OtherContentOnASignedDocument_IsRefused()
    {
        var first = await store.PutAsync("forde/x/signed.pdf", Bytes("a"), "application/pdf", immutable: true);
        var again = await store.PutAsync("forde/x/signed.pdf", Bytes("a"), "application/pdf", immutable: true);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.PutAsync("forde/x/signed.pdf", Bytes("b"), "application/pdf", immutable: true));
        await Assert.ThrowsAsync<DocumentConflictException>(() => store.PutAsync("forde/x/signed.pdf", Bytes("b"), "application/pdf"));

        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal(Bytes("a"), (await store.GetAsync("forde/x/signed.pdf"))!.Value.Content);
    }

    [Fact]
    public async Task Put_OtherContentOnAMutableDocument_ReplacesIt()
    {
        await store.PutAsync("forde/x/draft.pdf", Bytes("v1"), "application/pdf");

        await store.PutAsync("forde/x/draft.pdf", Bytes("v2"), "application/pdf");

        Assert.Equal(Bytes("v2"), (await store.GetAsync("forde/x/draft.pdf"))!.Value.Content);
    }

    [Fact]
    public async Task List_ByPrefix_CoversBothContainers_InKeyOrder()
    {
        await store.PutAsync("innlandet/nurses/2/welcome.pdf", Bytes("w2"), "application/pdf");
        await store.PutAsync("innlandet/nurses/1/signed.pdf", Bytes("s1"), "application/pdf", immutable: true);
        await store.PutAsync("innlandet/reports/2026.pdf", Bytes("r"), "application/pdf");

        var listed = new List<StoredDocument>();
        await foreach (var document in store.ListAsync("innlandet/nurses/"))
        {
            listed.Add(document);
        }

        Assert.Equal(["innlandet/nurses/1/signed.pdf", "innlandet/nurses/2/welcome.pdf"], listed.Select(d => d.Key));
        Assert.Equal([true, false], listed.Select(d => d.Immutable));
        Assert.All(listed, d => Assert.Equal(64, d.Sha256.Length));
    }

    [Fact]
    public async Task ReadLink_IsAReadOnlySasUrl_ThatServesTheDocument()
    {
        await store.PutAsync("ahus/reports/arsrapport-2026.pdf", Bytes("%PDF årsrapport"), "application/pdf");

        var link = await store.GetReadLinkAsync("ahus/reports/arsrapport-2026.pdf", TimeSpan.FromMinutes(15));
        using var http = new HttpClient();
        var body = await http.GetByteArrayAsync(link);
        using var write = await http.PutAsync(link, new ByteArrayContent(Bytes("overwrite")));

        Assert.Contains("sp=r", link.Query, StringComparison.Ordinal);
        Assert.Equal(Bytes("%PDF årsrapport"), body);
        Assert.False(write.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Get_Missing_IsNull()
    {
        Assert.Null(await store.GetAsync("nobody/none.pdf"));
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
