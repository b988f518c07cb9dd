<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en_GB">
<context>
    <name>CacheStore</name>
    <message>
        <source>A stored %1 record cannot be read: its %2 value is not valid. The cache may be damaged; a full sync rebuilds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start writing to the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish writing to the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare a statement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CacheTransaction</name>
    <message>
        <source>No cache transaction is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cache transaction has already begun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cache transaction is already open on this connection; the change must be part of that one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a cache transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes could not be saved and were undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache transaction could not be undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseStore</name>
    <message>
        <source>A case without an id cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case without a reference cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has no service or request type, so it cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has no time it was raised, so it cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another case already has the reference %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases cannot be pruned without a valid cut-off time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prune old cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CipherDatabase</name>
    <message>
        <source>A database connection named &quot;%1&quot; is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QSQLCIPHER driver is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is not an encrypted cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CipherResult</name>
    <message>
        <source>The cache is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to prepare the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement contains no SQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one SQL statement can be executed at a time; this text holds more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no prepared statement to execute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement has %1 placeholders but %2 values were bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to bind value %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to fetch the next row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CipherValue</name>
    <message>
        <source>A NaN (not-a-number) value cannot be stored in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value %1 is outside the range the cache can store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values of type %1 cannot be stored in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts to settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to settle: no field has been changed in two places at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the same detail while this desk&apos;s change was on its way. Check with the customer if you can, then keep one value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · noticed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2, refused %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the refused %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have dealt with it (for example, made the change again)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>Correcting a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Raises %n request(s) at wrap-up</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No customer linked (anonymous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact was about the customer on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wrapped-up contact is kept as it was; this records a correction that replaces it in the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact as recorded stays; wrap-up records this correction beside it, with the same times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how it ended…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value or failure demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value or failure demand?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the contact; it cannot be changed afterwards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactStore</name>
    <message>
        <source>A contact without an id cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact without a start time cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact cannot correct itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact&apos;s linked cases must each be named once, by id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact has been wrapped up and can no longer be changed. Record a correction as a new contact instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact to update is not in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact is already in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts cannot be pruned without a valid cut-off time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prune old contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact is linked to a customer by their ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not link a contact to a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact is linked to a customer already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact to link is not in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerBulkLoader</name>
    <message>
        <source>The bulk load has not begun, or has already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bulk load stopped at an error, so nothing of it was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare the bulk load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer without an id or reference cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not build the search indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not merge the search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customers were saved and can be searched, but the search index could not be compacted, so searching may be slower (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDuplicates</name>
    <message>
        <source>Could not look for possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name and date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same email address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerEditDialog</name>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth (dd/mm/yyyy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove phone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove email %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the customer lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving house? Change it once here: the new address is used for every service (council tax, waste, housing, benefits…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerMarkers</name>
    <message>
        <source>Could not read customers&apos; access needs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <source>The search could not be finished because the customer cache could not be read. Try again; if this keeps happening, restart FirstContact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerStore</name>
    <message>
        <source>Could not prepare to save customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 is already in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another customer already has the reference %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not index a customer for search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a customer&apos;s flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer without an id cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer without a reference cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record a customer&apos;s last contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>Find a customer on the left (Ctrl+K), or start a contact without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the customer&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1 (age %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefers “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change names, phones, emails or address (a move updates every service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start timing a phone contact with this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases (%1) · %2 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open cases in any service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promised by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate records (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These records may be the same person. Check with the caller before choosing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask to merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a supervisor to merge with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raises a request for a supervisor to review both records; merging is theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstSyncPage</name>
    <message>
        <source>Getting this desk ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first sign-in on this desk, so it is taking its own encrypted copy of the council&apos;s records. It carries on where it stopped if the network drops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This desk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed in. Enter the password to carry on where you left off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact is still open: unlock and wrap it up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out so someone else can use this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>FirstContact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FirstContact — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migration</name>
    <message>
        <source>Migration %1 is out of sequence: expected version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 has no statements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data was written by a newer version of FirstContact (schema %1; this program knows up to %2). Install the newer version; nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start migration %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed and was rolled back; the data stays at version %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>A change without a mutation id or record id cannot be queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change must name its kind of record and its operation to be queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change without the time it was made cannot be queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change was queued for sync outside a cache transaction; it must be saved in the same transaction as the change itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change is already queued for sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not queue a change for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the changes waiting for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove synced changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record a failed sync attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is no longer waiting for sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the changes waiting for sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromiseRule</name>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promise must be between 0 and %1 working days; %2 was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The at-risk share must be between 0% and 100% of the time allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judging a promise needs the time the request was raised, its promised-by time and the current time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenPopDialog</name>
    <message>
        <source>Call from %1: several customers have this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call from %1: no customer has this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the caller who they are, then choose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone contact has started without a customer. Search for them, or add them as a new customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers with this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptRunnerPane</name>
    <message>
        <source>Scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: bulky, missed bin, blue badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No script matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this script; the contact goes on without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer (may be left empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example 15/12/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example 14:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise at wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raises: %1 (%2), promised by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, acknowledged by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print guide: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the how-to guide for the resident to take away, ready to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the wrap-up in the contact panel and wrap up (Ctrl+Enter). Back (Alt+Left) changes an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: mould, council tax bands</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptStore</name>
    <message>
        <source>A script without an id cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script %1 has version %2; versions start at 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of script %2 is not valid JSON: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save script %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read scripts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Find a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone, email, postcode, address or reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K or F3 comes back here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search. Ctrl+K or F3 brings you back here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found. Check the spelling, or try a phone number or postcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (more below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff safety warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access needs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born %1 (age %2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulnerable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access needs: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>FirstContact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your council account. If the server cannot be reached, the same password opens this desk&apos;s own copy so you can keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your previous password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password has changed since this desk last saw it. Enter the previous one once so this desk&apos;s copy opens with the new one from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this desk&apos;s copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStateStore</name>
    <message>
        <source>Sync state values need a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read sync state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save sync state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove sync state %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session with the server ended; changes wait on this desk until you sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the timeline for one service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the timeline for one channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>FirstContact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New phone contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start timing a phone contact with the customer on screen, or an anonymous one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New counter contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start timing a face-to-face contact at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a contact that came by email, web form, webchat, video relay, letter or social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1 contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock this desk; your work stays open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap up the open contact first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of this desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkingCalendar</name>
    <message>
        <source>England and Wales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the bank holiday file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Europe/London time zone is not available on this computer; install the time zone data (tzdata).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected a date (YYYY-MM-DD) and the holiday&apos;s name, found &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3 is not a date in the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the bank holiday on %3 has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3 is listed more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lists no bank holidays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working calendar needs a valid time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working day must start before it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily cut-off must be after the working day starts and no later than it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promised-by date needs the time the request was raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promise must be between 0 and %1 working days; %2 was given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc</name>
    <message>
        <source>unknown value &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed, so there is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove a contact the server no longer holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a record of an unknown kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>larger than 4 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON array (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it must start with a front-matter block (---).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is not &apos;name: value&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a front-matter field (id, title, service, keywords).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the front-matter block is not closed (---).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id and title are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script is larger than 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script is not valid JSON: %1 at character %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;version&apos; is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;format&apos; must be %1; this program reads script format %1 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script id &apos;%1&apos; must be lower-case letters, digits and -, at most 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has more than %1 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has no steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two steps are called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount in pounds and pence, such as 35.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number, such as 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at most %n decimal place(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a value from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter %1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter %1 or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date as day/month/year, such as 24/11/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date on or after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date on or before %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a working day: choose a weekday that is not a bank holiday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the answer as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it to %1 characters or fewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full UK postcode, such as PL1 2AA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This input cannot be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a site and a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the sites offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time that is still to come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a day on or before %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step takes no answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer is needed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::AccessNeeds</name>
    <message>
        <source>Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSL interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISL interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign language interpreter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign language interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken-language interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearing loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ApiClient</name>
    <message>
        <source>The server answered %1 with something that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CacheProfile</name>
    <message>
        <source>The cache profile is not open; unlock it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no cache profile in %1: neither %2 nor %3 exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 is there but its key file %2 is missing, so the cache cannot be opened. Nothing was changed; restore the key file from a backup or ask IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 is empty, so it was probably cut short. It was left exactly as it was; restore it from a backup or ask IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is there but the cache file %2 is missing. Nothing was changed; restore the cache from a backup or ask IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache profile in %1 is already open in another window or program. Close it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lock file %1 could not be created, so the profile was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 does not open with the key in %2, although the password is right: the cache is damaged, or it is not the cache that key belongs to. Both files were left exactly as they were; ask IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a cache profile in %1 (%2 exists); it was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile directory %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier key change in %1 is unfinished; unlock the profile again before changing the password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CacheWorker</name>
    <message>
        <source>The cache is locked; unlock the profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache has been shut down for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cache profile is already open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Case</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of another case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response from the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised in error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CaseStateMachine</name>
    <message>
        <source>A case cannot move from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time of the change is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why this case is being closed without being resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closure reason is only recorded when a case is closed without being resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case was closed without being resolved, so it cannot be reopened. Raise a new case instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case could be reopened until %1. Raise a new case instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Channel</name>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face to face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webchat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video relay (sign language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Checker</name>
    <message>
        <source>The script&apos;s service &apos;%1&apos; is not in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script starts at &apos;%1&apos;, which is not a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; goes to &apos;%2&apos;, which is not a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: option &apos;%2&apos; has nowhere to go (give it or the step a next).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path from the start reaches step &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; has nowhere to go and is not an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcome can be reached from step &apos;%1&apos;: it is in a loop without an exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; is on a loop of conditions only, which would go round without asking anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; reads the answer &apos;%2&apos;, but no step of that name takes an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; reads the answer to &apos;%2&apos;, which is not given on every path to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; names the %2 &apos;%3&apos;, which does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; raises &apos;%2&apos; in &apos;%3&apos;, which the service catalogue does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the promise is on the answer to &apos;%1&apos;, which is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome &apos;%1&apos; is %2, but a path reaches it without a %3 step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares the answer to &apos;%2&apos; by order, but it is not a number or a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer to &apos;%1&apos; is one of its options, and &apos;%2&apos; is not one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer to &apos;%1&apos; cannot be compared with &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer&apos;s age is compared with a number (equals, lt, le, gt or ge).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is true or false: compare it with equals true or false, or not at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: &apos;%2&apos; is not an access need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: flag kind &apos;%2&apos; is neither vulnerability nor staff_safety.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; asks about &apos;%2&apos; cases, which the service catalogue does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CipherDriver</name>
    <message>
        <source>The cache key must be exactly 32 bytes; %1 bytes were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 could not be created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption library reports version &quot;%1&quot;, but this program only supports SQLCipher %2x. The cache file %3 was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be applied to the cache file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page size of the cache file %1 could not be set: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 is damaged (%2). It was left exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 could not be read: %2. It was left exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is an unencrypted SQLite database, not an encrypted cache. It was left exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key or password is wrong for the cache file %1 (or the file is not a cache). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache file %1 is damaged: it is %2 bytes long, which is not a whole number of %3-byte pages, so it was probably cut short. It was left exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be configured (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not switch to write-ahead logging (journal mode is &quot;%1&quot;): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache must be open to change its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be re-encrypted with the new key: %1. The old key still applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A QSQLCIPHER connection must be opened with openCipherDatabase(), which applies the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to begin a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to commit the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to roll back the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No locked memory was left to hold the key for the cache file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No locked memory was left to hold the new key. The old key still applies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ConflictStore</name>
    <message>
        <source>Could not save a sync conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a sync conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not settle a sync conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such conflict on this desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ConflictsModel</name>
    <message>
        <source>Kept on the server (as it stood at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours, from this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflicts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That choice cannot be made here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to settle conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict could not be settled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refused change could not be dismissed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred way to contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May we email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May we text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May we write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ContactModel</name>
    <message>
        <source>Wrap up the contact under way before starting another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the channel the contact came in on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer for this contact is not recognised; start it as anonymous and link it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat contact: about %1 again. Last contact %2 by %3 (%4), within the repeat window. Possibly failure demand: %5. Confirm or change it under Demand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the contact ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether this was value demand or failure demand, and which kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a repeat contact: confirm the demand type, or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where the customer was signposted to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which team or organisation the contact was transferred to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a reason from the chosen service&apos;s list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact to correct is no longer on this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact to correct could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not wrapped up yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact could not be recorded: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That customer is not recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no recorded contact to link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer to link the contact to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact could not be linked: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CsvSink</name>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV files were never opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CsvWriter</name>
    <message>
        <source>Could not write the CSV file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Customer</name>
    <message>
        <source>Unnamed customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CustomerEditModel</name>
    <message>
        <source>No customer was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer record is not available: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer is not in the cache. They may have been merged or removed; search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a given name or a family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of birth as day/month/year, like 12/03/1984.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the year: that would make them over %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is listed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This email address is listed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full UK postcode, like PL1 2AA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the first line of the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the postcode of the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UPRN is a number of up to 12 digits, like 100040123.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how they prefer to be contacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer to change is no longer in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new address was saved, but the other changes were not: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Irish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scottish Gaelic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>British Sign Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CustomerFlag</name>
    <message>
        <source>Safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently bereaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial hardship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cognitive impairment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care leaver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of verbal abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not visit alone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CustomerSearchModel</name>
    <message>
        <source>Customer search is not available: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::CustomerViewModel</name>
    <message>
        <source>No customer was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer record is not available: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer is not in the cache. They may have been merged or removed; search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No promised date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This view could not be recorded in the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the possible duplicates shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor has already been asked to review %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate: %1 (%2) and %3 (%4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge request could not be raised: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Demand</name>
    <message>
        <source>Value demand cannot have a failure kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure demand needs a kind: say why the customer had to contact us.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chasing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolved last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong or unclear information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work not done properly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not use another channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::DemoCouncilGenerator</name>
    <message>
        <source>The number of customers cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo council can have at most %1 customers: customer references have seven digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The as-of date must be a valid date between 2000 and 2200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts can span from 1 to 10 years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service catalogue has no request types to make cases of.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::DemoDataLists</name>
    <message>
        <source>The demo data list %1 is wrong at line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data list %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a name, optionally followed by ;weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name comes before any [female], [male] or [surname].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a surname is Masculine or Masculine|Feminine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each of [female], [male] and [surname] needs names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected key|weight|language:weight ...|middle-name percent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a language is written tag:weight, as en:80.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a culture needs a language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected town|district|weight|dialling code|localities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected Name|variant;variant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected user name|site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected user name|service key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agents are needed both at contact-centre and at another site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::DomainJson</name>
    <message>
        <source>unknown value &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected UUIDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same case twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;contact.ended_at&apos;: before the contact started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer needs a given name or a family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a UK postcode in its written form (such as PL1 2AA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone number we can call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a UPRN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::EmailAddress</name>
    <message>
        <source>Enter an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This email address is too long: at most 254 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address has no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address needs an @, as in name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address has only one @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the part before the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the part after the @, such as example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ is too long: at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ can have letters, digits, dots (not first, last or two together) and - _ + &apos; ! # $ % &amp; * / = ? ^ ` { | } ~.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part after the @ needs a dot, as in example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part after the @ is not a valid domain, such as example.org.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::JsonReader</name>
    <message>
        <source>Field &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a UUID such as 123e4567-e89b-12d3-a456-426614174000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an ISO 8601 time with Z or an offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected strings of at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::KeyFile</name>
    <message>
        <source>The key file %1 is damaged or incomplete: %2. It has been left exactly as it was; ask IT support before removing or replacing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not right. Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be written (%2). Any previous key file there is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a FirstContact key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is far too large to be a key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its checksum does not match, so some of its bytes have changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its format version is 0, which was never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 was made by a newer version of FirstContact (key file format %2; this version reads format %3). Update FirstContact to open it; the file has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names an unknown key-derivation method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names an unknown encryption method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its key-derivation settings are outside the accepted range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its user name or profile id is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its length does not match its contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 was not found, so the local cache cannot be unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could not be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for %1 could not be derived: the computer could not spare the %2 MiB of memory it needs. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name and profile id must each be 1 to %1 bytes long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key file already exists at %1; it has not been replaced, because the cache it opens would be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 belongs to user %2, profile %3, not to user %4, profile %5. Nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::KeyRotation</name>
    <message>
        <source>The new key file %1 could not replace %2 (%3). Both files were kept; unlocking the profile again finishes the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key rotation was stopped after step %1 for a test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier key change in %1 is unfinished (%2 exists). Unlock the profile again to finish it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key file %1 could not be made durable (%2). The cache and its key were not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key change in %1 was interrupted, and neither the key in %2 nor the one in %3 opens the cache file %4. All three files were left exactly as they were; ask IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::KnowledgeLibrary</name>
    <message>
        <source>no such folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another article already has the id &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::KnowledgeStore</name>
    <message>
        <source>An article needs an id and a title to be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article %1 has revision %2; revisions start at 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save article %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read knowledge articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read article %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::LocalChanges</name>
    <message>
        <source>The customer is not in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with this id is already in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer to change is not in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a UK postcode: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer who moved is not in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; / &apos;%2&apos; is not a request type of this council.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case with this id is already in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case to change is not in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact is recorded once it is wrapped up, with its outcome and end time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact names a case that is not in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact to link is not in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact is linked to a customer already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer before wrapping up: this contact has not been recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An audit event needs its time, an action and a kind of record of at most %1 characters, the record&apos;s id, and at most %2 characters of detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conflict of &apos;%1&apos; records cannot be settled here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the server&apos;s value, this desk&apos;s, or a new value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choosing a new value needs the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict is not in this desk&apos;s cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflict has been settled already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Outcome</name>
    <message>
        <source>Resolved at first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signposted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assisted self-service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action or abandoned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::PhoneNumber</name>
    <message>
        <source>A phone number can contain only digits, spaces, brackets, dots, hyphens and a leading +.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a UK number range: UK numbers start with 01, 02, 03, 05, 07, 08 or 09, and numbers from abroad with + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short: numbers starting %1 have %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too long: numbers starting %1 have %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the area code, for example 01752 123456.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK numbers start with 0, and numbers from abroad with + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country codes never start with 0: check the digits after + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short: numbers from abroad have at least 7 digits, country code included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too long: numbers from abroad have at most 15 digits, country code included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least the last %1 digits of the number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Postcode</name>
    <message>
        <source>Enter a postcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a UK postcode: those letters are never used in those places. Check it against the letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full UK postcode, such as PL1 2AA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a postcode district, such as PL1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Reader</name>
    <message>
        <source>Step &apos;%1&apos; has more than %2 options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; needs at least two options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; offers the value &apos;%2&apos; twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: field &apos;%2&apos; must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: &apos;%2&apos; is not a date bound (today, today+N, today-N or yyyy-MM-dd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: &apos;%2&apos; is not an input type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: the pattern does not compile (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: min is above max.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: conditions nest deeper than %2 levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be a condition object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must have exactly one of answer, customer, all, any or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos;: &apos;%2&apos; takes nothing beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1.%2&apos; must be a list of 1 to 50 conditions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; has two comparisons (&apos;%2&apos; and &apos;%3&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; compares the answer with nothing: add equals, in, lt, ... or given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: &apos;%2&apos; is not a customer fact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1.in&apos; must be a list of values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1.given&apos; must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; must be a step object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step id &apos;%1&apos; must be lower-case letters, digits and _, starting with a letter, at most 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; is of kind &apos;%2&apos;, which this format does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; needs options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; needs an input object with a type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; needs a &apos;when&apos; condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: &apos;%2&apos; is not a priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; promises both by working days and on a chosen day: keep one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; has more than 50 fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: field &apos;%2&apos; must be a short text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; needs at least one site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; transfers, so it needs transferTo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; is assisted self-service, so it needs the guide the resident takes away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;: &apos;%2&apos; is not an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RecordNames</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record no longer on this desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::RejectedChangeStore</name>
    <message>
        <source>Could not keep a refused change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not dismiss a refused change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ScreenPopModel</name>
    <message>
        <source>The caller could not be looked up: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ScreenPopServer</name>
    <message>
        <source>FirstContact is already running for this user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ScriptLibrary</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ScriptProblem</name>
    <message>
        <source>path: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ScriptRun</name>
    <message>
        <source>The script has no steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script goes to a step called &apos;%1&apos;, which it does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script&apos;s conditions go round in a loop without asking anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has ended; wrap the contact up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the options first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer is needed before going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; leads nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has not reached an outcome yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; raises a request type the catalogue does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ScriptRunnerModel</name>
    <message>
        <source>The scripts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no script called &apos;%1&apos; on this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s details could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the day as day/month/year and the time as hours:minutes, such as 15/12/2026 and 14:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise a request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signpost to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the article: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days promised: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised for the day chosen: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, for the %2 team. %3 It is raised when you wrap up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UK postcode, such as PL1 2AA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number, such as 07700 900123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date as day/month/year, such as 15/12/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount in pounds, such as 35.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(left empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This outcome has no guide to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SecureBytes</name>
    <message numerus="yes">
        <source>Could not reserve %n bytes of protected memory for a key.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A key buffer of %1 bytes was requested; that is not a sensible size for a key or password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::ServiceCatalogue</name>
    <message>
        <source>Waste and recycling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed bin collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulky waste collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New or replacement bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assisted bin collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single person discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment arrangement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question about a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing repairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damp and mould</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roads and highways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pothole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street light fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked road drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environmental health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pest control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Food hygiene concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fly-tipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parking permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty charge notice challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing Benefit change of circumstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council Tax Reduction claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan renewal query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a breach of planning control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adult social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care needs assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General enquiries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Councillor enquiries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enquiry from a councillor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SessionModel</name>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk&apos;s cache is not ready; restart FirstContact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; is not a web address (https://host:8443).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be held safely: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FirstContact on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in (error %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached, and this desk holds no copy of %1&apos;s records to work offline with. Check the network cable or Wi-Fi and try again, or use a desk you have signed in on before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password has changed since you last signed in on this desk. Enter your previous password once to open this desk&apos;s copy of your records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password does not open this desk&apos;s copy of your records. The server cannot be reached to check it, so nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your records on this desk are open in another FirstContact window or program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your records on this desk could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not the password this desk&apos;s copy was made with. Try another earlier password, or ask the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be held safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk&apos;s copy could not be moved to your new password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer was lost before it could be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in could not be saved on this desk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your records on this desk could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk was revoked by an administrator, so its copy of the council&apos;s records was removed. Sign in again to make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached to sign in again. Your work stays on this desk; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new sign-in could not be saved on this desk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is not right. The screen stays locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SnapshotIndexes</name>
    <message>
        <source>Could not prepare the cache for a first sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not build the cache&apos;s indexes after a first sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SnapshotWriter</name>
    <message>
        <source>Could not read the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer without an id or reference cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Sodium</name>
    <message>
        <source>The encryption library could not start, so the local cache cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SyncCache</name>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not clear the cache for a fresh sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SyncEngine</name>
    <message>
        <source>Sync stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered a push without results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device was revoked by an administrator. Its local copy of the council&apos;s records and its key have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::SyncStatusModel</name>
    <message>
        <source>%1 of %2 records (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This desk&apos;s copy of the records was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed out of the server · sign in again to send %n change(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out of the server · sign in again to send changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem · trying again soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Online · %n change(s) waiting to send</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Online · up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to sync this desk with the council&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached since %1; trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sync: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle: two desks changed the same detail.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server; see Conflicts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::TimelineModel</name>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is not available: no cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::Uprn</name>
    <message>
        <source>Enter a UPRN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UPRN contains only the digits 0 to 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UPRN has at most 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UPRN is never zero: check the number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::WhenFinished</name>
    <message>
        <source>The cache stopped before answering.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server</name>
    <message>
        <source>This Qt has no working TLS back end (Debian: the OpenSSL 3 library), so TLS cannot be served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM RSA or EC private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key does not belong to the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has %1 problems; the first: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a version number: versions are 1, 2, 3, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of script &apos;%2&apos; is the same script as the published version %3: nothing was published.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::AccountNames</name>
    <message>
        <source>&apos;%1&apos; is not a user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a team name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device id must be 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device name must be 1 to 100 characters with no control characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ApiDispatcher</name>
    <message>
        <source>The database cannot be reached just now. Try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not complete the request. The details are in its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed on %2; use %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no route %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is larger than the %1 bytes this route accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be JSON, sent with &apos;Content-Type: application/json&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::AuthService</name>
    <message>
        <source>The user name or password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins from this address. Try again in %n minute(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins for this user. Try again in %n minute(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This account has been disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is registered to another user. Each user needs their own profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has been revoked and may no longer sync. Its local data must be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request needs a session token: log in first and send it as &apos;Authorization: Bearer TOKEN&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session token is not valid: log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has expired: log in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ChangeFeed</name>
    <message>
        <source>The database has no epoch: run &apos;firstcontact-server migrate&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s database has been replaced or restored from a backup since this desk last synced. Its copy is rebuilt; changes waiting to be sent are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ConnectionGuard</name>
    <message>
        <source>The request line and headers are larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request line is not &apos;METHOD /path HTTP/1.1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request header is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Content-Length header is not a single whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the &apos;chunked&apos; transfer encoding is understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not upgrade connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request may not have both Content-Length and Transfer-Encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is larger than the %1 bytes this route accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request did not arrive in time; send it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::CustomerCsvReader</name>
    <message>
        <source>The file is empty: its first line must name the columns (legacy_id, given_name, family_name, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header on line %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns &quot;%1&quot; and &quot;%2&quot; both give %3: keep one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no legacy_id column. The first line must name the columns; it holds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is neither a given_name nor a family_name column (nor forename or surname).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row has %1 fields but the header has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row repeats the header (were two exports joined into one file?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The legacy_id is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The legacy_id is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The legacy_id &quot;%1&quot; is already on line %2; only the first row with it is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both the given name and the family name are empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a date: write it YYYY-MM-DD or DD/MM/YYYY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is before 1900 (a placeholder for &quot;unknown&quot;? Leave it empty instead).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a language code (such as cy, pl, pt-BR) or an English language name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a sign language code (bfi for BSL, isg for ISL).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::CustomerCsvRecordReader</name>
    <message>
        <source>Reading the file failed at line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record starting on line %1 is longer than %2 MiB (is a quote left open?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quoted field opened on line %1 is never closed, so lines %2 to %3 (the end of the file) were read as one record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is not valid UTF-8 (save the export as UTF-8, not a Windows code page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quoted field is followed by more text before the next comma (a quote inside a quoted field must be doubled: &quot;&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::CustomerImporter</name>
    <message>
        <source>Transaction %1 (the rows on lines %2 to %3) failed and was rolled back; the %4 accepted rows before line %2 are loaded. Run the import again to carry on: rows already loaded come out unchanged. %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every customer reference up to %1 is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::DatabaseLocation</name>
    <message>
        <source>%1 Use --db postgresql://USER@HOST[:PORT]/DATABASE or --db sqlite:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite URL names no file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a database URL this server knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL is malformed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL names no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must name one database after the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option &apos;%1&apos; is not one the server passes on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::DemoSeedSink</name>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::DeviceStore</name>
    <message>
        <source>There is no device with the id &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::DomainRows</name>
    <message>
        <source>The %1 %2 has a value in &apos;%3&apos; that does not read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::FeedPosition</name>
    <message>
        <source>The sync cursor is not one this server made. Start the sync again from the beginning.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::HttpFrontEnd</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::JsonFields</name>
    <message>
        <source>The field &apos;%1&apos; is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; may have at most %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::KnowledgeCatalogStore</name>
    <message>
        <source>an id is 1 to 64 of a-z, 0-9 and &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a title is 1 to 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a service in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most 100 keywords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a keyword is 1 to 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is larger than 4 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ListenAddress</name>
    <message>
        <source>&apos;%1&apos; is not an address to listen on: use HOST:PORT, for example 127.0.0.1:8443 or [::1]:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to serve plain HTTP on %1, which is reachable from other machines: passwords and tokens would cross the network in clear. Give --tls-cert and --tls-key, or listen on 127.0.0.1 behind a reverse proxy that terminates TLS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::MutationApplier</name>
    <message>
        <source>This mutation id was used by another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not know the change &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record&apos;s id is not the mutation&apos;s entity id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with this id exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; / &apos;%2&apos; is not a request type of this council.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case with this id exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case&apos;s customer is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact is sent once it is wrapped up, with its outcome and end time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s customer is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact names the case %1, which is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact this one corrects is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact is linked to another customer already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An update names at least one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change of &apos;%1&apos; needs exactly &apos;from&apos; and &apos;to&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &apos;server&apos;, &apos;client&apos; or &apos;value&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chosen value needs &apos;value&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone settled this conflict already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record of this conflict is gone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::PasswordHasher</name>
    <message>
        <source>The password could not be hashed: the server is short of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password may have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ScriptCatalogStore</name>
    <message>
        <source>There is no version %1 of script &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of script &apos;%2&apos; is published already; publish a new draft instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of script &apos;%2&apos; is published already, so draft %3 is out of date; save it again as a new draft to publish it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ServerDatabase</name>
    <message>
        <source>The Qt SQL driver %1 is not installed (Debian: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the directory %1 for the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement &quot;%1&quot; failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot commit the transaction; nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ServerMigrator</name>
    <message>
        <source>Server migration %1 is out of sequence or has no statements for one of the databases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer firstcontact-server (schema %1; this program knows up to %2). Run the newer server; nothing has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is at schema %1 and this server needs %2: run &apos;firstcontact-server migrate&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server migration %1 (%2) failed and was rolled back; the database stays at schema %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::ServerSodium</name>
    <message>
        <source>The cryptography library could not start, so no password can be checked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::TeamScope</name>
    <message>
        <source>This record belongs to the team &apos;%1&apos;, which you do not work in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) may not do this; it needs one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::server::UserStore</name>
    <message>
        <source>There is already a user called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fc::wire</name>
    <message>
        <source>Field &apos;%1[%2]&apos;: expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown entity &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown operation &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an upsert needs its record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server speaks sync protocol %1; this client speaks %2. Update the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server speaks sync protocol %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;mutations&apos; is required (an array).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutation %1 appears twice in one push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the script is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the script&apos;s id and version are not the record&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the revision is required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
