using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>Backups made while people work, and a server started again from one.</summary>
public sealed class BackupTests : FreshApp
{
    private const string Cards = "like-and-admire";
    private const int Writers = 3;

    [Fact]
    public async Task ABackupTakenDuringAStreamOfChanges_RestoresEveryChangeAnsweredBeforeItBegan()
    {
        var reviewId = await Fran.CreateReviewAsync();
        var answered = new ConcurrentQueue<(string Text, long At)>();
        var enough = new Counting(answered);
        using var stop = new CancellationTokenSource();
        var writers = new List<Task>();
        for (var w = 0; w < Writers; w++)
        {
            var room = await Fran.ConnectAsync(reviewId);
            var writer = w;
            writers.Add(Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var text = $"Card {writer}-{i}";
                    await room.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Cards, text));
                    answered.Enqueue((text, Stopwatch.GetTimestamp()));
                    enough.Check();
                }
            }));
        }

        await enough.AtLeast(60);
        var began = Stopwatch.GetTimestamp();
        var made = await Fran.PostFormAsync("/administration/backups", "/administration/backups", []);
        await enough.AtLeast(answered.Count + 60);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var beforeIt = answered.Where(a => a.At < began).Select(a => a.Text).ToHashSet();
        var listed = await Fran.Http.GetStringAsync("/administration/backups");

        var backup = Assert.Single(Directory.GetFiles(Path.Combine(Data.Path, "backups")));
        using var restoredData = new DataFolder();
        File.Copy(backup, Path.Combine(restoredData.Path, "reviewroom.db"));
        await using var restored = new ReviewRoomFactory(restoredData);
        await using var franAgain = new Visitor(restored);
        var signedIn = await franAgain.SignInAsync("fran@example.org");
        var board = await (await franAgain.ConnectAsync(reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");
        var inBackup = board.Sections.Single(s => s.Id == Cards).Cards.Select(c => c.Text).ToHashSet();

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains(Path.GetFileName(backup), listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(beforeIt.Count >= 60);
        Assert.Subset(inBackup, beforeIt);
        // Changes went on being answered while it was made, and after: the backup is of one moment.
        Assert.True(answered.Count > inBackup.Count, $"{answered.Count} answered, {inBackup.Count} in the backup");
    }

    [Fact]
    public async Task OnlyTheAdministrator_MakesBackups()
    {
        await using var colleague = await App.NewFacilitatorAsync();

        var asked = await colleague.PostFormAsync("/", "/administration/backups", []);

        Assert.NotEqual(HttpStatusCode.OK, (await colleague.Http.GetAsync("/administration/backups")).StatusCode);
        Assert.NotEqual("/administration/backups", asked.Headers.Location?.OriginalString);
        Assert.False(Directory.Exists(Path.Combine(Data.Path, "backups")));
    }

    /// <summary>Lets the test wait, without sleeping, until so many changes have been answered.</summary>
    private sealed class Counting(ConcurrentQueue<(string Text, long At)> answered)
    {
        private readonly Lock _gate = new();
        private (int Count, TaskCompletionSource Reached)? _waiting;

        public Task AtLeast(int count)
        {
            lock (_gate)
            {
                _waiting = (count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                var reached = _waiting.Value.Reached.Task;
                Check();
                return reached.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        public void Check()
        {
            lock (_gate)
            {
                if (_waiting is { } waiting && answered.Count >= waiting.Count)
                {
                    waiting.Reached.TrySetResult();
                }
            }
        }
    }
}
