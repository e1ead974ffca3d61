package org.imrworkbench.synth;

import java.util.List;
import java.util.Map;

/**
 * What the guidelines say about a kind of treatment: the guideline sections a letter may cite for it, and
 * sentences a rationale is composed of. In citations, the guideline {@code "{chapter}"} stands for the MTUS
 * chapter of the claim's body region and {@code "{odg}"} for its ODG chapter; {@link #REGION_PAGES} in a
 * citation's pages stands for that chapter's pages. In sentences, {@code {name}} is the treatment as requested,
 * {@code {pt}} the patient noun, {@code {part}} the body part, {@code {since}} a date of first use.
 *
 * @param mtus      MTUS citations in the 2016–17 form (guideline with year, "Section(s):")
 * @param mtusPages MTUS citations in the 2014–15 form (guideline, topic, "Page(s):")
 * @param odg       ODG citations: chapter and topic
 * @param acoem     ACOEM (non-MTUS) citations: chapter, topics, pages
 * @param recommend what the guidelines recommend: a rationale's opening sentence
 * @param against   findings that do not meet the guidelines: reasons to uphold a denial
 * @param support   findings that meet the guidelines: reasons to overturn one
 */
record Topic(String key, List<Cite> mtus, List<Cite> mtusPages, List<Cite> odg, List<Cite> acoem,
             List<String> recommend, List<String> against, List<String> support) {

    /** A citation of one guideline: its name, the sections or topics cited, and page ranges {from, to}. */
    record Cite(String guideline, List<String> sections, int[][] pages) {
    }

    /** Marks a citation whose pages are the region chapter's: {@code {REGION_PAGES, k}} is its k-th range. */
    static final int REGION_PAGES = -1;

    static Cite cite(String guideline, String... sections) {
        return new Cite(guideline, List.of(sections), new int[0][]);
    }

    static Cite pages(String guideline, String section, int[]... ranges) {
        return new Cite(guideline, section == null ? List.of() : List.of(section), ranges);
    }

    private static final String CP16 = "Chronic Pain Medical Treatment 2016";
    private static final String CP09 = "Chronic Pain Treatment Guidelines";
    private static final String PAIN = "Pain (Chronic)";
    private static final String STRESS = "Mental Illness & Stress";

    static Topic get(String key) {
        Topic topic = ALL.get(key);
        if (topic == null) {
            throw new IllegalArgumentException("no topic " + key);
        }
        return topic;
    }

    private static final Map<String, Topic> ALL = Map.ofEntries(
            entry(new Topic("OPIOID",
                    List.of(cite(CP16, "Opioids for chronic pain"), cite(CP16, "Opioids, criteria for use"),
                            cite(CP16, "Opioids, long-term assessment"),
                            cite(CP16, "Opioids for chronic pain", "Opioids for neuropathic pain"),
                            cite("Opioid Treatment 2016", "3.3.9 Opioids for Chronic Pain and Chronic Opioid "
                                    + "Treatment: Maintenance of Chronic Opioid Treatment")),
                    List.of(pages(CP09, "Criteria for Use of Opioids", new int[]{76, 80}),
                            pages(CP09, "Opioids, long-term assessment", new int[]{88, 89}),
                            pages(CP09, "Opioids", new int[]{60, 61}, new int[]{76, 78}, new int[]{88, 89})),
                    List.of(cite(PAIN, "Opioids, criteria for use"), cite(PAIN, "Opioids for chronic pain")),
                    List.of(),
                    List.of("The MTUS supports continuing an opioid only when the prescriber records meaningful pain "
                                    + "relief, better function, tolerable side effects and no aberrant drug-related "
                                    + "behavior.",
                            "Guidelines reserve long-term opioid therapy for chronic non-malignant pain for patients "
                                    + "who show a clear functional response and who are monitored with urine drug "
                                    + "testing and a signed treatment agreement.",
                            "Ongoing opioid management under the guidelines calls for a review at each visit of "
                                    + "analgesia, activities of daily living, adverse effects and aberrant behavior."),
                    List.of("In this case, the {pt} has taken {name} since at least {since}, yet the notes give no "
                                    + "pain scores before and after each dose.",
                            "The progress notes do not describe any gain in function, such as a longer walking "
                                    + "tolerance or a return to modified duty, that could be credited to {name}.",
                            "No recent urine drug screen or opioid treatment agreement was found in the records.",
                            "Pain levels have stayed at 7/10 or higher for months despite {name}, which suggests the "
                                    + "medication is no longer providing benefit.",
                            "A weaning schedule would be more appropriate than continued prescribing at the current "
                                    + "dose."),
                    List.of("The notes record a drop in pain from 8/10 to 4/10 with {name}, better tolerance for "
                                    + "household chores, and a consistent urine drug screen.",
                            "The prescriber has checked the state prescription monitoring report, a signed opioid "
                                    + "agreement is on file, and the {pt} has returned to modified work."))),
            entry(new Topic("MUSCLE_RELAXANT",
                    List.of(cite(CP16, "Muscle relaxants (for pain)"), cite(CP16, "{section}"),
                            cite(CP16, "{section}", "Muscle relaxants (for pain)")),
                    List.of(pages(CP09, "Muscle Relaxants", new int[]{63, 66}),
                            pages(CP09, "Antispasmodics", new int[]{64, 65}),
                            pages(CP09, "{section}", new int[]{41, 42})),
                    List.of(cite(PAIN, "Muscle relaxants (for pain)"), cite(PAIN, "{section}")),
                    List.of(),
                    List.of("The guidelines accept a non-sedating muscle relaxant, after first-line drugs, for a brief "
                                    + "course during an acute flare of chronic low back pain.",
                            "Muscle relaxants are supported for brief use of no more than two to three weeks; their "
                                    + "benefit fades with time and longer use risks dependence.",
                            "Studies show muscle relaxants add little to NSAIDs for pain or function, and the "
                                    + "guidelines do not support them for chronic use."),
                    List.of("The records indicate that {name} has been prescribed since at least {since}, well past "
                                    + "the short course the guidelines allow.",
                            "There is no description of an acute exacerbation or of muscle spasm on the most recent "
                                    + "examination.",
                            "The notes do not show that {name} has reduced spasm or improved function.",
                            "The {pt} is also taking other sedating medications, which adds to the risk."),
                    List.of("The most recent examination documents an acute flare with palpable spasm, and the "
                                    + "request is for a short course only.",
                            "This is a first prescription for a new flare of spasm, which fits the short-term use "
                                    + "the guidelines allow."))),
            entry(new Topic("BENZODIAZEPINE",
                    List.of(cite(CP16, "Benzodiazepines")),
                    List.of(pages(CP09, "Benzodiazepines", new int[]{24, 24})),
                    List.of(cite(PAIN, "Benzodiazepines"), cite(STRESS, "Benzodiazepines")),
                    List.of(),
                    List.of("The guidelines advise against benzodiazepines beyond a few weeks: lasting benefit has not "
                                    + "been shown, and dependence can develop within that time.",
                            "The guidelines caution that tolerance to the hypnotic and anxiolytic effects of "
                                    + "benzodiazepines develops within weeks to months."),
                    List.of("The {pt} has been prescribed {name} since at least {since}, which exceeds the "
                                    + "four-week limit.",
                            "The records do not identify the condition {name} is meant to treat or any benefit from "
                                    + "its use.",
                            "Taking {name} together with an opioid raises the risk of respiratory depression, and "
                                    + "no plan to taper is documented."),
                    List.of("The request is for a brief course to bridge an acute anxiety episode while an "
                                    + "antidepressant takes effect, with a documented plan to stop."))),
            entry(new Topic("NSAID",
                    List.of(cite(CP16, "NSAIDs (non-steroidal anti-inflammatory drugs)"),
                            cite(CP16, "Anti-inflammatory medications"),
                            cite(CP16, "NSAIDs, specific drug list & adverse effects")),
                    List.of(pages(CP09, "NSAIDs", new int[]{67, 73}),
                            pages(CP09, "Anti-inflammatory medications", new int[]{22, 22})),
                    List.of(cite(PAIN, "NSAIDs (non-steroidal anti-inflammatory drugs)")),
                    List.of(),
                    List.of("NSAIDs are recommended at the lowest effective dose for the shortest period in patients "
                                    + "with moderate to severe pain from osteoarthritis or back pain.",
                            "Anti-inflammatory drugs are a customary first step to ease pain enough for activity and "
                                    + "rehabilitation to resume."),
                    List.of("The notes do not record the pain relief or functional benefit obtained from {name}.",
                            "The {pt} has been taking {name} since at least {since} without periodic laboratory "
                                    + "monitoring of renal and hepatic function.",
                            "The {pt} reports gastric upset, and no assessment of gastrointestinal risk is "
                                    + "documented."),
                    List.of("The notes record improved pain and activity tolerance with {name} and no side effects.",
                            "This is a reasonable first-line trial for a recent flare of pain."))),
            entry(new Topic("ANTIEPILEPTIC",
                    List.of(cite(CP16, "Antiepilepsy drugs (AEDs)"), cite(CP16, "{section}")),
                    List.of(pages(CP09, "Antiepilepsy Drugs", new int[]{16, 22}),
                            pages(CP09, "{section}", new int[]{18, 19})),
                    List.of(cite(PAIN, "Anti-epilepsy drugs (AEDs) for pain")),
                    List.of(),
                    List.of("Antiepilepsy drugs are recommended for neuropathic pain; a good response is a "
                                    + "reduction in pain of at least 30 percent.",
                            "The guidelines support gabapentinoids as first-line treatment for diabetic neuropathy, "
                                    + "postherpetic neuralgia and radicular pain."),
                    List.of("There is no objective evidence of neuropathic pain on the examinations provided.",
                            "The records do not report the percentage of pain relief or any functional change since "
                                    + "{name} was started on {since}.",
                            "The {pt} reports dizziness and drowsiness, and no change in dosing is discussed."),
                    List.of("The examination shows a dermatomal sensory loss consistent with radiculopathy, and the "
                                    + "notes report a 40 percent reduction in burning pain with {name}."))),
            entry(new Topic("ANTIDEPRESSANT",
                    List.of(cite(CP16, "Antidepressants for chronic pain"), cite(CP16, "{section}")),
                    List.of(pages(CP09, "Antidepressants for chronic pain", new int[]{13, 16})),
                    List.of(cite(PAIN, "Antidepressants for chronic pain"),
                            cite(STRESS, "Antidepressants for treatment of MDD (major depressive disorder)")),
                    List.of(),
                    List.of("Antidepressants are recommended as a first-line option for neuropathic pain and as a "
                                    + "possibility for non-neuropathic pain.",
                            "Tricyclic antidepressants are a first-line choice unless they are ineffective, poorly "
                                    + "tolerated or contraindicated."),
                    List.of("The records do not assess changes in pain, function, sleep or mood since {name} was "
                                    + "started.",
                            "There is no documentation of depression or neuropathic pain that {name} would treat.",
                            "The notes do not show any benefit after several months of use."),
                    List.of("The {pt} has documented depressive symptoms secondary to chronic pain, and the notes "
                                    + "report better sleep and mood with {name}."))),
            entry(new Topic("SEDATIVE_HYPNOTIC",
                    List.of(cite(CP16, "Insomnia treatment")),
                    List.of(),
                    List.of(cite(PAIN, "Insomnia treatment"), cite(STRESS, "Insomnia treatment"),
                            cite(PAIN, "{section}")),
                    List.of(),
                    List.of("Sleep medications are recommended for the short-term treatment of insomnia, generally "
                                    + "two to six weeks, after the cause of the sleep disturbance has been evaluated.",
                            "The guidelines expect sleep hygiene to be addressed before and alongside any hypnotic."),
                    List.of("The {pt} has used {name} since at least {since}, far longer than the guidelines "
                                    + "support.",
                            "The records do not describe the sleep disturbance, its cause, or any sleep hygiene "
                                    + "measures.",
                            "No improvement in sleep onset, maintenance or daytime function is documented."),
                    List.of("The notes describe a recent onset of insomnia after surgery, sleep hygiene measures "
                                    + "already tried, and a plan for a short course."))),
            entry(new Topic("PROTON_PUMP_INHIBITOR",
                    List.of(cite(CP16, "NSAIDs, GI symptoms & cardiovascular risk"),
                            cite(CP16, "Proton Pump Inhibitors (PPIs)"),
                            cite(CP16, "NSAIDs, GI symptoms & cardiovascular risk", "Proton Pump Inhibitors (PPIs)")),
                    List.of(pages(CP09, "NSAIDs, GI symptoms & cardiovascular risk", new int[]{68, 69})),
                    List.of(cite(PAIN, "Proton pump inhibitors (PPIs)")),
                    List.of(),
                    List.of("A proton pump inhibitor is recommended for a patient taking NSAIDs who is at "
                                    + "intermediate or high risk of gastrointestinal events.",
                            "Risk factors that justify gastric protection include age over 65, a history of peptic "
                                    + "ulcer or bleeding, and concurrent aspirin, corticosteroid or anticoagulant use."),
                    List.of("The records do not identify any gastrointestinal risk factor or symptom.",
                            "The {pt} is no longer taking an NSAID, so the reason for {name} is unclear.",
                            "Long-term use of a proton pump inhibitor carries a risk of hip fracture, which the "
                                    + "records do not weigh."),
                    List.of("The {pt} takes an NSAID and has a history of a bleeding gastric ulcer, which places "
                                    + "the {pt} at high risk."))),
            entry(new Topic("TOPICAL_ANALGESIC",
                    List.of(cite(CP16, "Topical analgesics"), cite(CP16, "{section}")),
                    List.of(pages(CP09, "Topical Analgesics", new int[]{111, 113}),
                            pages(CP09, "{section}", new int[]{56, 57})),
                    List.of(cite(PAIN, "{section}"), cite(PAIN, "Topical analgesics")),
                    List.of(),
                    List.of("The evidence for topical analgesics is limited; the guidelines reserve them mainly for "
                                    + "neuropathic pain that oral antidepressant and anticonvulsant trials did not "
                                    + "relieve.",
                            "Topical lidocaine is supported only as a dermal patch for localized peripheral "
                                    + "neuropathic pain after a first-line oral agent has been tried."),
                    List.of("The records do not show a trial of first-line oral agents or localized neuropathic "
                                    + "pain.",
                            "There is no explanation of why the {pt} cannot take oral medication.",
                            "The notes do not specify where {name} is applied or what benefit it provides."),
                    List.of("The {pt} has localized neuropathic pain after failed trials of gabapentin and "
                                    + "amitriptyline, which meets the guideline criteria."))),
            entry(new Topic("COMPOUND",
                    List.of(cite(CP16, "Topical analgesics"), cite(CP16, "Topical analgesics, compounded")),
                    List.of(pages(CP09, "Topical Analgesics", new int[]{111, 113})),
                    List.of(cite(PAIN, "Compound drugs"), cite(PAIN, "Topical analgesics, compounded")),
                    List.of(),
                    List.of("A compounded preparation is only as acceptable as its least supported ingredient; if one "
                                    + "ingredient lacks support, the whole product does.",
                            "The guidelines find little evidence for compounded products and favor single agents "
                                    + "with established efficacy."),
                    List.of("At least one ingredient of {name} is not recommended.",
                            "The records do not explain why an approved commercial product would not serve.",
                            "No trial of first-line oral medication is documented."),
                    List.of("The {pt} cannot tolerate oral NSAIDs because of a bleeding ulcer, and each ingredient "
                                    + "of {name} has support in the guidelines."))),
            entry(new Topic("OTHER_MEDICATION",
                    List.of(cite(CP16, "{section}")),
                    List.of(pages(CP09, "{section}", new int[]{77, 77})),
                    List.of(cite(PAIN, "{section}")),
                    List.of(),
                    List.of("The guidelines support this class of medication only for a clearly documented "
                                    + "indication and with periodic review of its benefit.",
                            "Medication is expected to be prescribed for a specific condition, with its effect "
                                    + "recorded at follow-up visits."),
                    List.of("The records do not document the symptom or condition {name} is meant to treat.",
                            "There is no record of the response to {name}, which has been prescribed since at least "
                                    + "{since}.",
                            "The treating notes do not explain why {name} is still needed."),
                    List.of("The notes document the symptom {name} treats and a clear response to it."))),
            entry(new Topic("PHYSICAL_THERAPY",
                    List.of(cite(CP16, "Physical medicine treatment"), cite(CP16, "Physical medicine"),
                            cite("{chapter}", "Physical Methods"), cite("Postsurgical Treatment 2009", "{section}")),
                    List.of(pages(CP09, "Physical Medicine", new int[]{98, 99}),
                            pages("{chapter}", null, new int[]{REGION_PAGES, 1})),
                    List.of(cite("{odg}", "Physical therapy (PT)"), cite("{odg}", "Physical therapy")),
                    List.of(),
                    List.of("Supervised therapy is expected to taper from several visits a week to one or fewer while "
                                    + "the patient takes over with an active home program.",
                            "For myalgia and myositis the guidelines allow 9 to 10 visits over 8 weeks; for neuralgia "
                                    + "and radiculitis, 8 to 10 visits over 4 weeks.",
                            "Physical therapy is expected to move the patient toward an independent home exercise "
                                    + "program with measurable functional goals."),
                    List.of("The {pt} has already completed more visits than the guidelines allow, and the notes do "
                                    + "not show measurable functional gains from them.",
                            "The requested number of sessions exceeds what the guidelines recommend for this "
                                    + "condition.",
                            "There is no reason given why the {pt} cannot continue with a home exercise program.",
                            "The records do not describe a new injury or flare that would justify more supervised "
                                    + "therapy."),
                    List.of("The {pt} has not had therapy for the {part} before, and the request is within the "
                                    + "number of visits the guidelines allow.",
                            "The previous course improved range of motion and lifting tolerance, and a short course "
                                    + "to reach the stated goals is reasonable."))),
            entry(new Topic("CHIROPRACTIC",
                    List.of(cite(CP16, "Manual therapy & manipulation")),
                    List.of(pages(CP09, "Manual therapy & manipulation", new int[]{58, 60})),
                    List.of(cite("{odg}", "Manipulation")),
                    List.of(),
                    List.of("Manual therapy is recommended for chronic pain caused by musculoskeletal conditions, "
                                    + "with a trial of six visits over two weeks and up to 18 visits with evidence of "
                                    + "objective functional improvement.",
                            "Manipulation is not recommended for the ankle, foot, wrist, hand or knee, or for "
                                    + "carpal tunnel syndrome."),
                    List.of("The {pt} has had chiropractic care in the past with no documented functional benefit.",
                            "The number of visits requested exceeds the initial trial the guidelines allow.",
                            "The request does not state goals or a plan to transition to home exercise."),
                    List.of("This is the first trial of manual therapy, and the number of visits matches the "
                                    + "guidelines."))),
            entry(new Topic("ACUPUNCTURE",
                    List.of(cite("Acupuncture Treatment 2007")),
                    List.of(pages("Acupuncture Medical Treatment Guidelines", null)),
                    List.of(cite("{odg}", "Acupuncture")),
                    List.of(),
                    List.of("Acupuncture is an option when the patient cannot tolerate pain medication or is cutting it "
                                    + "back, and as an addition to active rehabilitation.",
                            "The guidelines allow three to six treatments to produce functional improvement, and "
                                    + "further treatment only when functional improvement is documented."),
                    List.of("The {pt} has completed prior acupuncture without any documented functional "
                                    + "improvement.",
                            "The number of sessions requested exceeds the trial the guidelines allow.",
                            "No reduction in medication use or improvement in activity is reported from earlier "
                                    + "sessions."),
                    List.of("This is an initial trial within the number of treatments the guidelines allow, "
                                    + "requested as an adjunct to a home exercise program."))),
            entry(new Topic("IMAGING",
                    List.of(cite("{chapter}", "Special Studies"), cite("{chapter}", "Special Studies",
                            "Diagnostic Criteria")),
                    List.of(pages("{chapter}", null, new int[]{REGION_PAGES, 0}),
                            pages("{chapter}", "Special Studies", new int[]{REGION_PAGES, 0})),
                    List.of(cite("{odg}", "{section}")),
                    List.of(),
                    List.of("Imaging is warranted for red flags, for clear signs of nerve or tissue damage, when a "
                                    + "strengthening program stalls, or to plan an invasive procedure.",
                            "Clear objective signs of nerve involvement justify imaging for a patient who would "
                                    + "consider an operation.",
                            "Repeat imaging is reserved for a significant change in symptoms or findings that "
                                    + "suggest new pathology."),
                    List.of("The examination does not describe any focal neurologic deficit or red flag.",
                            "The {pt} has not tried and failed a course of conservative care directed at the {part}.",
                            "There is no indication that the {pt} is a surgical candidate or that the result would "
                                    + "change the treatment plan.",
                            "Prior imaging of the {part} is available, and no new findings are described."),
                    List.of("The examination shows progressive weakness and a new sensory deficit despite six weeks "
                                    + "of conservative care, and the {pt} is considering surgery.",
                            "There are red flag findings that warrant imaging of the {part}."))),
            entry(new Topic("ELECTRODIAGNOSTIC",
                    List.of(cite("{chapter}", "Special Studies"), cite(CP16, "Electrodiagnostic testing (EMG/NCS)")),
                    List.of(pages("{chapter}", null, new int[]{REGION_PAGES, 0})),
                    List.of(cite("{odg}", "EMGs (electromyography)"), cite("{odg}", "Nerve conduction studies (NCS)")),
                    List.of(),
                    List.of("Electromyography may help identify subtle focal neurologic dysfunction in patients "
                                    + "whose symptoms last longer than three or four weeks.",
                            "Nerve conduction studies are not recommended when the radiculopathy is already clinically "
                                    + "obvious."),
                    List.of("The examination documents no sensory, motor or reflex deficit.",
                            "Electrodiagnostic studies were performed in the past, and no change in symptoms is "
                                    + "reported since.",
                            "The {pt} already has a clear clinical diagnosis, so the study would not change "
                                    + "management."),
                    List.of("The {pt} has persistent numbness and weakness that have not responded to conservative "
                                    + "treatment, and the diagnosis remains unclear."))),
            entry(new Topic("LAB",
                    List.of(cite(CP16, "Drug testing"), cite(CP16, "Opioids, steps to avoid misuse/addiction")),
                    List.of(pages(CP09, "Drug testing", new int[]{43, 43})),
                    List.of(cite(PAIN, "Urine drug testing (UDT)"), cite("{odg}", "Preoperative lab testing")),
                    List.of(),
                    List.of("Testing is recommended to assess for illegal drugs and to monitor adherence in patients "
                                    + "on controlled substances, at a frequency set by the risk of misuse.",
                            "Laboratory monitoring is appropriate when a medication or planned procedure calls for "
                                    + "it."),
                    List.of("The {pt} was tested recently with consistent results and is at low risk, so repeat "
                                    + "testing is not needed yet.",
                            "The records do not state the indication for the test.",
                            "No medication or procedure requiring this monitoring is documented."),
                    List.of("The {pt} takes long-acting opioids and the last test was more than six months ago."))),
            entry(new Topic("INJECTION",
                    List.of(cite(CP16, "Epidural steroid injections (ESIs)"), cite("{chapter}", "Summary"),
                            cite(CP16, "Trigger point injections"), cite("{chapter}", "Initial Care")),
                    List.of(pages(CP09, "Epidural steroid injections (ESIs)", new int[]{46, 46}),
                            pages(CP09, "Trigger point injections", new int[]{122, 122}),
                            pages("{chapter}", null, new int[]{REGION_PAGES, 1})),
                    List.of(cite("{odg}", "{section}")),
                    List.of(),
                    List.of("Injections are an option when the diagnosis is confirmed by examination and imaging "
                                    + "and the patient has not responded to conservative treatment.",
                            "Repeat injections are supported only with at least 50 percent pain relief lasting six "
                                    + "to eight weeks and a documented reduction in medication use.",
                            "Injections are meant to support an active program of rehabilitation, not to replace it."),
                    List.of("The examination and imaging do not corroborate the diagnosis the injection would treat.",
                            "A prior injection produced relief lasting only a few days, short of the duration the "
                                    + "guidelines require.",
                            "There is no documentation of an active rehabilitation program to accompany the "
                                    + "injection."),
                    List.of("The findings are corroborated by imaging, conservative care has failed, and the {pt} "
                                    + "remains in a home exercise program.",
                            "The previous injection provided 60 percent relief for three months with reduced "
                                    + "medication use."))),
            entry(new Topic("SURGERY",
                    List.of(cite("{chapter}", "Surgical Considerations"), cite("{chapter}", "Surgical Considerations",
                            "Summary")),
                    List.of(pages("{chapter}", null, new int[]{REGION_PAGES, 2}),
                            pages("{chapter}", "Surgical Considerations", new int[]{REGION_PAGES, 2})),
                    List.of(cite("{odg}", "{section}")),
                    List.of(),
                    List.of("Surgical consultation is indicated for activity limitation lasting more than four "
                                    + "months, failure to improve with an exercise program, and clear imaging evidence "
                                    + "of a lesion that benefits from repair.",
                            "Surgery is considered when there are persistent, severe and disabling symptoms with "
                                    + "concordant imaging after conservative care has failed."),
                    List.of("The records do not document a full course of conservative treatment directed at the "
                                    + "{part}.",
                            "The imaging findings do not clearly match the symptoms and examination.",
                            "The {pt} is a smoker and no cessation plan is documented before an elective procedure."),
                    List.of("The {pt} has failed six months of therapy, injections and medication, and imaging shows "
                                    + "a lesion that matches the examination.",
                            "The symptoms and examination are concordant with the imaging, and conservative care has "
                                    + "been exhausted."))),
            entry(new Topic("DME",
                    List.of(cite("{chapter}", "Initial Care"), cite("{chapter}", "Physical Methods")),
                    List.of(pages("{chapter}", null, new int[]{REGION_PAGES, 1})),
                    List.of(cite("{odg}", "Durable medical equipment (DME)"), cite("{odg}", "{section}")),
                    List.of(),
                    List.of("Durable medical equipment is recommended when it is medically needed and appropriate "
                                    + "for use in the home.",
                            "The guidelines find little benefit from supports or braces once the first weeks after an "
                                    + "injury have passed."),
                    List.of("The records do not explain how the {name} would improve function.",
                            "The injury is long past the acute phase in which this equipment helps.",
                            "The {pt} already owns similar equipment, and no reason for a replacement is given."),
                    List.of("The {pt} is recovering from surgery and needs the {name} to move safely at home."))),
            entry(new Topic("ELECTRICAL_STIMULATION",
                    List.of(cite(CP16, "{section}")),
                    List.of(pages(CP09, "{section}", new int[]{114, 116})),
                    List.of(cite(PAIN, "{section}")),
                    List.of(),
                    List.of("Electrical stimulation is not recommended as a primary treatment, but a one-month home "
                                    + "trial may be considered as an adjunct to a program of functional restoration.",
                            "Purchase of a unit is supported only after a one-month trial shows reduced pain and "
                                    + "medication use and better function."),
                    List.of("There is no record of a one-month trial or of its results.",
                            "The request does not describe a program of functional restoration the unit would "
                                    + "support.",
                            "The {pt} has used a unit before without documented benefit."),
                    List.of("A one-month trial reduced medication use and improved sitting tolerance, as recorded "
                                    + "in the therapy notes."))),
            entry(new Topic("EVALUATION",
                    List.of(cite(CP16, "Office visits"),
                            cite("General Approaches 2004", "Cornerstones of Disability Prevention and Management")),
                    List.of(pages("General Approaches", null, new int[]{92, 92})),
                    List.of(cite(PAIN, "Office visits"), cite("Fitness for Duty", "Functional capacity evaluation (FCE)")),
                    List.of(pages("Independent Medical Examinations and Consultations Chapter", null,
                            new int[]{127, 127})),
                    List.of("A referral is appropriate when the diagnosis is uncertain or complex, when psychosocial "
                                    + "factors are present, or when the plan may benefit from added expertise.",
                            "The need for a clinical office visit is individualized, based on the patient's "
                                    + "concerns, signs and symptoms, and clinical stability."),
                    List.of("The records do not state what question the consultation is meant to answer.",
                            "The {pt} is already under the care of a specialist for the same condition.",
                            "The condition is stable and the current provider can continue to manage it."),
                    List.of("The diagnosis remains unclear after months of treatment, and the specialist's opinion "
                                    + "would guide the next steps.",
                            "The {pt} has worsening findings that the treating physician is not equipped to "
                                    + "manage."))),
            entry(new Topic("PSYCHOLOGICAL",
                    List.of(cite(CP16, "Psychological treatment"), cite(CP16, "Behavioral interventions"),
                            cite(CP16, "Psychological evaluations", "Psychological treatment"),
                            cite(CP16, "Biofeedback")),
                    List.of(pages(CP09, "Psychological treatment", new int[]{101, 102}),
                            pages(CP09, "Behavioral interventions", new int[]{23, 23})),
                    List.of(cite(STRESS, "Cognitive therapy for depression"), cite(STRESS, "Psychotherapy guidelines")),
                    List.of(pages("Pain, Suffering, and the Restoration of Function Chapter", null)),
                    List.of("Psychological treatment is recommended for appropriately identified patients during "
                                    + "treatment for chronic pain, with an initial trial of three to four "
                                    + "psychotherapy visits over two weeks.",
                            "With evidence of objective functional improvement, the guidelines allow a total of up to "
                                    + "six to ten visits over five to six weeks."),
                    List.of("The records do not include a psychological evaluation that identifies a condition to "
                                    + "treat.",
                            "The {pt} has completed prior sessions without documented functional improvement.",
                            "The number of sessions requested exceeds the initial trial the guidelines allow."),
                    List.of("A psychological evaluation identified depression and fear-avoidance behavior, and an "
                                    + "initial trial of sessions is reasonable."))),
            entry(new Topic("HOME_HEALTH",
                    List.of(cite(CP16, "Home health services")),
                    List.of(pages(CP09, "Home health services", new int[]{51, 51})),
                    List.of(cite("{odg}", "Home health services")),
                    List.of(),
                    List.of("Home health services are recommended only for medical treatment of patients who are "
                                    + "homebound, generally up to 35 hours per week; they do not include homemaker "
                                    + "services or personal care when that is the only care needed."),
                    List.of("The records do not show that the {pt} is homebound.",
                            "The services requested are homemaker and personal care tasks, not medical care.",
                            "No skilled care need is described."),
                    List.of("The {pt} is homebound after surgery and needs wound care and medication management."))),
            entry(new Topic("PROGRAM",
                    List.of(cite(CP16, "Functional restoration programs (FRPs)"),
                            cite(CP16, "Chronic pain programs (functional restoration programs)")),
                    List.of(pages(CP09, "Functional restoration programs (FRPs)", new int[]{49, 49}),
                            pages(CP09, "Chronic pain programs (functional restoration programs)",
                                    new int[]{30, 34})),
                    List.of(cite(PAIN, "{section}")),
                    List.of(pages("Pain, Suffering, and the Restoration of Function Chapter", null)),
                    List.of("A program of this kind is recommended when previous methods of treating chronic pain "
                                    + "have failed, the patient has lost the ability to function independently, and "
                                    + "the patient is motivated to change.",
                            "The guidelines call for an adequate evaluation, including baseline functional testing, "
                                    + "before entry into such a program."),
                    List.of("The records do not include a baseline evaluation or describe the {pt}'s motivation to "
                                    + "change.",
                            "Other treatment options that are likely to result in improvement have not been "
                                    + "exhausted.",
                            "There is no documentation of the goals the program would pursue."),
                    List.of("The {pt} completed a multidisciplinary evaluation showing significant loss of function "
                                    + "and good motivation, and other treatments have failed."))),
            entry(new Topic("TRANSPORTATION",
                    List.of(),
                    List.of(),
                    List.of(cite("Knee & Leg (Acute & Chronic)", "Transportation (to & from appointments)")),
                    List.of(),
                    List.of("Transportation to and from appointments is recommended for patients with disabilities "
                                    + "that prevent them from self-transport."),
                    List.of("The records do not describe any limitation that prevents the {pt} from driving or "
                                    + "using public transport.",
                            "The {pt} drove to the most recent visit."),
                    List.of("The {pt} cannot bear weight after surgery and has no other means of reaching "
                                    + "appointments."))));

    private static Map.Entry<String, Topic> entry(Topic topic) {
        return Map.entry(topic.key(), topic);
    }
}
