package org.imrworkbench.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Span;
import org.imrworkbench.model.Treatment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TreatmentNormalizerTest {

    private final TreatmentNormalizer normalizer = new TreatmentNormalizer();

    private Treatment normalize(String request) {
        return normalizer.normalize(request, 0);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Norco 10/325mg #60                     | Norco                   | hydrocodone/acetaminophen | OPIOID
            Hydrocodone/APAP 10-325mg #120         | Hydrocodone/APAP        | hydrocodone/acetaminophen | OPIOID
            Percocet 10/325 #90                    | Percocet                | oxycodone/acetaminophen   | OPIOID
            Tylenol 4 #90                          | Tylenol 4               | acetaminophen/codeine     | OPIOID
            Tylenol #3 #60                         | Tylenol #3              | acetaminophen/codeine     | OPIOID
            Tylenol with codeine #3, #30           | Tylenol with codeine #3 | acetaminophen/codeine     | OPIOID
            Tylenol 500mg                          | Tylenol                 | acetaminophen             | OTHER_MEDICATION
            Ultram 50mg #60                        | Ultram                  | tramadol                  | OPIOID
            Tramadol ER 150mg #30                  | Tramadol ER             | tramadol                  | OPIOID
            Ultracet 37.5/325mg                    | Ultracet                | tramadol/acetaminophen    | OPIOID
            Nucynta ER 100mg                       | Nucynta ER              | tapentadol                | OPIOID
            OxyContin 20mg #60                     | OxyContin               | oxycodone                 | OPIOID
            MS Contin 15mg                         | MS Contin               | morphine                  | OPIOID
            Trezix capsule 320.5/30/16mg           | Trezix                  | acetaminophen/caffeine/dihydrocodeine | OPIOID
            Butrans patch 10mcg/hr #4              | Butrans                 | buprenorphine             | OPIOID
            Fentanyl 25mcg/hr patch                | Fentanyl                | fentanyl                  | OPIOID
            Flexeril 10mg #60                      | Flexeril                | cyclobenzaprine           | MUSCLE_RELAXANT
            Retrospective Cyclobenzaprine 5mg tab #30 DOS: 11/14/16 | Cyclobenzaprine | cyclobenzaprine | MUSCLE_RELAXANT
            Soma 350mg #60                         | Soma                    | carisoprodol              | MUSCLE_RELAXANT
            Robaxin 750mg                          | Robaxin                 | methocarbamol             | MUSCLE_RELAXANT
            Norflex 100mg #60                      | Norflex                 | orphenadrine              | MUSCLE_RELAXANT
            Zanaflex 4mg #90                       | Zanaflex                | tizanidine                | MUSCLE_RELAXANT
            Baclofen 10mg                          | Baclofen                | baclofen                  | MUSCLE_RELAXANT
            Skelaxin 800mg                         | Skelaxin                | metaxalone                | MUSCLE_RELAXANT
            Xanax 1mg #60                          | Xanax                   | alprazolam                | BENZODIAZEPINE
            Valium 5mg #30                         | Valium                  | diazepam                  | BENZODIAZEPINE
            Klonopin 0.5mg                         | Klonopin                | clonazepam                | BENZODIAZEPINE
            Ativan 1mg                             | Ativan                  | lorazepam                 | BENZODIAZEPINE
            Celebrex 200mg #30                     | Celebrex                | celecoxib                 | NSAID
            Mobic 15mg #30                         | Mobic                   | meloxicam                 | NSAID
            Anaprox DS 550mg #60                   | Anaprox DS              | naproxen                  | NSAID
            Naprosyn 500mg                         | Naprosyn                | naproxen                  | NSAID
            Motrin 600mg #40                       | Motrin                  | ibuprofen                 | NSAID
            Duexis 800/26.6mg                      | Duexis                  | ibuprofen/famotidine      | NSAID
            Diclofenac sodium ER 100mg             | Diclofenac sodium       | diclofenac                | NSAID
            Relafen 750mg                          | Relafen                 | nabumetone                | NSAID
            Etodolac 400mg                         | Etodolac                | etodolac                  | NSAID
            Lyrica 75mg #60                        | Lyrica                  | pregabalin                | ANTIEPILEPTIC
            Neurontin 600mg #90                    | Neurontin               | gabapentin                | ANTIEPILEPTIC
            Topamax 25mg                           | Topamax                 | topiramate                | ANTIEPILEPTIC
            Cymbalta 60mg #30                      | Cymbalta                | duloxetine                | ANTIDEPRESSANT
            Elavil 25mg                            | Elavil                  | amitriptyline             | ANTIDEPRESSANT
            Trazodone 50mg #30                     | Trazodone               | trazodone                 | ANTIDEPRESSANT
            Effexor XR 75mg                        | Effexor XR              | venlafaxine               | ANTIDEPRESSANT
            Ambien 10mg #30                        | Ambien                  | zolpidem                  | SEDATIVE_HYPNOTIC
            Lunesta 3mg                            | Lunesta                 | eszopiclone               | SEDATIVE_HYPNOTIC
            Sonata 10mg                            | Sonata                  | zaleplon                  | SEDATIVE_HYPNOTIC
            Prilosec 20mg #60                      | Prilosec                | omeprazole                | PROTON_PUMP_INHIBITOR
            Protonix 20mg                          | Protonix                | pantoprazole              | PROTON_PUMP_INHIBITOR
            Nexium 40mg                            | Nexium                  | esomeprazole              | PROTON_PUMP_INHIBITOR
            Pepcid 20mg                            | Pepcid                  | famotidine                | OTHER_MEDICATION
            Lidoderm 5% patch #30                  | Lidoderm                | lidocaine                 | TOPICAL_ANALGESIC
            Lidocaine 5% patch #1                  | Lidocaine               | lidocaine                 | TOPICAL_ANALGESIC
            Voltaren gel 1% 100g                   | Voltaren gel            | diclofenac                | TOPICAL_ANALGESIC
            Flector patch 1.3% #30                 | Flector patch           | diclofenac                | TOPICAL_ANALGESIC
            Terocin patch #30                      | Terocin patch           | lidocaine/menthol         | TOPICAL_ANALGESIC
            Menthoderm gel 120gm                   | Menthoderm              | methyl salicylate/menthol | TOPICAL_ANALGESIC
            Biofreeze                              | Biofreeze               | menthol                   | TOPICAL_ANALGESIC
            Capsaicin 0.025% cream                 | Capsaicin               | capsaicin                 | TOPICAL_ANALGESIC
            Post-op Zofran                         | Zofran                  | ondansetron               | OTHER_MEDICATION
            Colace 100mg                           | Colace                  | docusate                  | OTHER_MEDICATION
            Senokot-S                              | Senokot-S               | docusate/senna            | OTHER_MEDICATION
            Medrol Dosepak                         | Medrol Dosepak          | methylprednisolone        | OTHER_MEDICATION
            Imitrex 50mg                           | Imitrex                 | sumatriptan               | OTHER_MEDICATION
            Meclizine 25mg #30                     | Meclizine               | meclizine                 | OTHER_MEDICATION
            Antivert 12.5mg                        | Antivert                | meclizine                 | OTHER_MEDICATION
            Fanatrex 25mg/ml oral suspension, 420ml | Fanatrex               | gabapentin                | COMPOUND
            Tabradol 1mg/ml oral suspension, 250ml | Tabradol                | cyclobenzaprine           | COMPOUND
            Synapryn 10mg/ml oral suspension, 500ml | Synapryn               | tramadol/glucosamine      | COMPOUND
            Deprizine 15mg/ml oral suspension      | Deprizine               | ranitidine                | COMPOUND
            Dicopanol 5mg/ml oral suspension       | Dicopanol               | diphenhydramine           | COMPOUND
            Zantac 150mg                           | Zantac                  | ranitidine                | OTHER_MEDICATION
            Benadryl 25mg                          | Benadryl                | diphenhydramine           | SEDATIVE_HYPNOTIC
            """)
    void drugGetsGenericAndCategory(String request, String name, String generic, Category category) {
        Treatment treatment = normalize(request);

        assertThat(treatment.name()).isEqualTo(name);
        assertThat(treatment.generic()).isEqualTo(generic);
        assertThat(treatment.category()).isEqualTo(category);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MRI of the lumbar spine                           | MRI                          | IMAGING
            Magnetic resonance imaging (MRI) of the right shoulder | Magnetic resonance imaging | IMAGING
            CT scan of the thoracic spine                     | CT scan                      | IMAGING
            CAT scan of the brain                             | CAT scan                     | IMAGING
            X-rays of the lumbar spine                        | X-rays                       | IMAGING
            Cervical spine x-rays                             | x-rays                       | IMAGING
            Bone scan                                         | Bone scan                    | IMAGING
            Ultrasound of the right shoulder                  | Ultrasound                   | IMAGING
            Ultrasound 1 times 8                              | Ultrasound                   | PHYSICAL_THERAPY
            EMG/NCV of the bilateral upper extremities        | EMG/NCV                      | ELECTRODIAGNOSTIC
            NCV/EMG of the bilateral upper extremity          | NCV/EMG                      | ELECTRODIAGNOSTIC
            Nerve conduction studies of the upper extremities | Nerve conduction studies     | ELECTRODIAGNOSTIC
            Urine drug screen                                 | Urine drug screen            | LAB
            Associated surgical service: Labs - PT/PTT        | Labs                         | LAB
            Associated surgical service: EKG                  | EKG                          | LAB
            Physical therapy x 12                             | Physical therapy             | PHYSICAL_THERAPY
            PT/OT 18 sessions left hand, right lower leg      | PT/OT                        | PHYSICAL_THERAPY
            Occupational therapy for six sessions             | Occupational therapy         | PHYSICAL_THERAPY
            Aquatic therapy 2 times a week for 6 weeks        | Aquatic therapy              | PHYSICAL_THERAPY
            Four sessions of infrared therapy two times a week times 2 weeks | infrared therapy | PHYSICAL_THERAPY
            Extracorporeal shockwave therapy (ESWT)           | Extracorporeal shockwave therapy | PHYSICAL_THERAPY
            Work hardening 10 sessions                        | Work hardening               | PROGRAM
            Work conditioning 10 sessions                     | Work conditioning            | PHYSICAL_THERAPY
            Chiropractic treatment for cervical and lumbar spine | Chiropractic treatment    | CHIROPRACTIC
            Spinal manipulation 1 times 8                     | Spinal manipulation          | CHIROPRACTIC
            Chiro with modalities 2 times a week for 6 weeks  | Chiro                        | CHIROPRACTIC
            Acupuncture 6 sessions                            | Acupuncture                  | ACUPUNCTURE
            Twelve acupuncture visits with Capsaicin patch, 2 times weekly for 6 weeks | acupuncture | ACUPUNCTURE
            Twelve infrared acupuncture visits, 2 times weekly for 6 weeks | acupuncture     | ACUPUNCTURE
            Right L4 transforaminal epidural steroid injection under fluoroscopic guidance | transforaminal epidural steroid injection | INJECTION
            Bilateral L4-5 facet injections                   | facet injections             | INJECTION
            Trigger point injections x 4                      | Trigger point injections     | INJECTION
            Medial branch block at L3-L4                      | Medial branch block          | INJECTION
            Radiofrequency ablation of the lumbar facets      | Radiofrequency ablation      | INJECTION
            1 platelet rich plasma injection to left foot     | platelet rich plasma         | INJECTION
            Cortisone injection to the right knee             | Cortisone injection          | INJECTION
            Right shoulder ultrasound                         | ultrasound                   | IMAGING
            Left elbow Ultrasound                             | Ultrasound                   | IMAGING
            Right shoulder ultrasound therapy x 6             | ultrasound therapy           | PHYSICAL_THERAPY
            Arthroscopic rotator cuff repair of the right shoulder | rotator cuff repair     | SURGERY
            Arthroscopic surgery of the left knee             | Arthroscopic                 | SURGERY
            Left total knee arthroplasty                      | total knee arthroplasty      | SURGERY
            Right total hip replacement                       | total hip replacement        | SURGERY
            Anterior cervical discectomy and fusion at C5-C6  | Anterior cervical discectomy and fusion | SURGERY
            Posterior lumbar interbody fusion at L5-S1        | Posterior lumbar interbody fusion | SURGERY
            Cervical disc arthroplasty at C6-C7               | disc arthroplasty            | SURGERY
            Right first dorsal compartment release            | first dorsal compartment release | SURGERY
            Left lateral epicondyle release                   | lateral epicondyle release   | SURGERY
            Right ulnar nerve transposition                   | ulnar nerve transposition    | SURGERY
            CAM walker boot for a 3 month rental              | CAM walker boot              | DME
            Ankle brace                                       | brace                        | DME
            Spine surgery consultation                        | Spine surgery consultation   | EVALUATION
            Work hardening program x 12                       | Work hardening program       | PROGRAM
            Lidocaine injection                               | injection                    | INJECTION
            Ultrasound guided injection to the right shoulder | injection                    | INJECTION
            Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis | arthroscopy | SURGERY
            Lumbar fusion L4-S1                               | fusion                       | SURGERY
            Carpal tunnel release, right                      | Carpal tunnel release        | SURGERY
            Lumbar laminectomy                                | laminectomy                  | SURGERY
            Assistant surgeon                                 | Assistant surgeon            | SURGERY
            Pre-op Clearance                                  | Pre-op Clearance             | SURGERY
            Associated surgical service: Medical clearance    | Medical clearance            | SURGERY
            Associated surgical service: 3 day inpatient stay | inpatient stay               | SURGERY
            Associated surgical service: Cold therapy for one week | Cold therapy            | DME
            Associated surgical service: Slingshot sling      | Slingshot                    | DME
            Associated surgical service: Chest x-ray          | x-ray                        | IMAGING
            Post-op physical therapy 12-18 sessions           | physical therapy             | PHYSICAL_THERAPY
            Standard wheelchair for a 2 month rental          | wheelchair                   | DME
            Purchase of a bedside 3 in 1 commode              | 3 in 1 commode               | DME
            Purchase of a bath/shower chair                   | bath/shower chair            | DME
            Wrist braces #2                                   | braces                       | DME
            Front wheeled walker                              | Front wheeled walker         | DME
            Cane                                              | Cane                         | DME
            Lumbar support                                    | Lumbar support               | DME
            Cervical pillow                                   | Cervical pillow              | DME
            Hot/cold unit                                     | Hot/cold unit                | DME
            Associated surgical service: CPM x 21 days        | CPM                          | DME
            Home exercise kit                                 | Home exercise kit            | DME
            Orthotics                                         | Orthotics                    | DME
            TENS unit                                         | TENS unit                    | ELECTRICAL_STIMULATION
            Retrospective E-stim (DOS 12/29/16)               | E-stim                       | ELECTRICAL_STIMULATION
            H-wave unit purchase                              | H-wave unit                  | ELECTRICAL_STIMULATION
            Interferential unit rental                        | Interferential unit          | ELECTRICAL_STIMULATION
            NMES unit                                         | NMES unit                    | ELECTRICAL_STIMULATION
            Spinal cord stimulator trial                      | Spinal cord stimulator       | ELECTRICAL_STIMULATION
            Orthopedic consultation                           | Orthopedic consultation      | EVALUATION
            Follow-up visit with orthopedic surgeon           | Follow-up visit              | EVALUATION
            Office visit in 4 weeks                           | Office visit                 | EVALUATION
            Referral to a spine surgeon                       | Referral                     | EVALUATION
            Spine surgery evaluation for the lumbar           | evaluation                   | EVALUATION
            TOC to ortho spine surgeon eval and treatment     | TOC                          | EVALUATION
            Initial exam                                      | Initial exam                 | EVALUATION
            Physical exam 2 times 8                           | Physical exam                | EVALUATION
            Functional capacity evaluation                    | Functional capacity evaluation | EVALUATION
            Psychological evaluation                          | Psychological evaluation     | PSYCHOLOGICAL
            Psychiatric consultation                          | Psychiatric consultation     | PSYCHOLOGICAL
            Cognitive behavioral therapy x 6 sessions         | Cognitive behavioral therapy | PSYCHOLOGICAL
            Cognitive-behavioral therapy x 6                  | Cognitive-behavioral therapy | PSYCHOLOGICAL
            Cognitive behavioral treatment x 6                | Cognitive behavioral treatment | PSYCHOLOGICAL
            Cognitive behavioural treatment                   | Cognitive behavioural treatment | PSYCHOLOGICAL
            Cognitive behavioral psychotherapy 6 sessions     | Cognitive behavioral psychotherapy | PSYCHOLOGICAL
            Cognitive behavioral sessions x 6                 | Cognitive behavioral         | PSYCHOLOGICAL
            Cognitive behavioral pain management x 6          | Cognitive behavioral         | PSYCHOLOGICAL
            Four sessions of biofeedback two times a week times 2 weeks | biofeedback        | PSYCHOLOGICAL
            Home health care 4 hours a day                    | Home health care             | HOME_HEALTH
            Home health aide                                  | Home health aide             | HOME_HEALTH
            Functional restoration program x 80 hours         | Functional restoration program | PROGRAM
            HELP program                                      | HELP program                 | PROGRAM
            Weight loss program                               | Weight loss program          | PROGRAM
            Gym membership x 12 months                        | Gym membership               | PROGRAM
            Partial Hospitalization day treatment             | Partial Hospitalization      | PROGRAM
            Transportation to and from medical appointments   | Transportation               | TRANSPORTATION
            Taxi to appointments                              | Taxi                         | TRANSPORTATION
            """)
    void nonDrugGetsCategoryAndNoGeneric(String request, String name, Category category) {
        Treatment treatment = normalize(request);

        assertThat(treatment.name()).isEqualTo(name);
        assertThat(treatment.category()).isEqualTo(category);
        assertThat(treatment.generic()).isNull();
        assertThat(treatment.strength()).isNull();
    }

    @Test
    void contextWordsGiveWayToTheTreatmentTheyQualify() {
        assertThat(normalize("Post-op Percocet 5/325mg").category()).isEqualTo(Category.OPIOID);
        assertThat(normalize("Post-operative Norco 10/325mg #60").generic()).isEqualTo("hydrocodone/acetaminophen");
        assertThat(normalize("Associated surgical service: Physical therapy, times 12").category())
                .isEqualTo(Category.PHYSICAL_THERAPY);
        assertThat(normalize("Associated surgical service: EMS/TENS unit").category())
                .isEqualTo(Category.ELECTRICAL_STIMULATION);
        assertThat(normalize("Pre-op labs").category()).isEqualTo(Category.LAB);
        assertThat(normalize("Lumbar surgery").category()).isEqualTo(Category.SURGERY);
        assertThat(normalize("Post-op").category()).isEqualTo(Category.SURGERY);
    }

    @Test
    void severalDrugsWithPercentagesAreACompound() {
        Treatment treatment = normalize(
                "One container of Flurbiprofen 10%, Cyclobenzaprine 3%, Gabapentin 6%, Lidocaine 5%/Dextromethorphan");

        assertThat(treatment.category()).isEqualTo(Category.COMPOUND);
        assertThat(treatment.generic()).isEqualTo("flurbiprofen/cyclobenzaprine/gabapentin/lidocaine/dextromethorphan");
        assertThat(treatment.name())
                .isEqualTo("Flurbiprofen 10%, Cyclobenzaprine 3%, Gabapentin 6%, Lidocaine 5%/Dextromethorphan");
        assertThat(treatment.strength()).isNull();
    }

    @Test
    void theWordCompoundMakesACompoundEvenWithOneIngredient() {
        Treatment cream = normalize("Compound cream: Flurbiprofen/Cyclobenzaprine/Menthol #1");
        assertThat(cream.category()).isEqualTo(Category.COMPOUND);
        assertThat(cream.generic()).isEqualTo("flurbiprofen/cyclobenzaprine/menthol");
        assertThat(cream.name()).isEqualTo("Flurbiprofen/Cyclobenzaprine/Menthol");
        assertThat(cream.quantity()).isEqualTo(1);

        Treatment single = normalize("Compounded ketoprofen 20% cream");
        assertThat(single.category()).isEqualTo(Category.COMPOUND);
        assertThat(single.generic()).isEqualTo("ketoprofen");

        Treatment unnamed = normalize("Compounded cream 120gm");
        assertThat(unnamed.category()).isEqualTo(Category.COMPOUND);
        assertThat(unnamed.generic()).isNull();
        assertThat(unnamed.name()).isEqualTo("Compounded cream");
    }

    @Test
    void aCompoundIsNamedByItsIngredientsWithoutTheFormOfTheLast() {
        Treatment lidocaineLast = normalize("Compounded Bupivacaine/Lidocaine cream 5%/2% 180gm");
        assertThat(lidocaineLast.name()).isEqualTo("Bupivacaine/Lidocaine");
        assertThat(lidocaineLast.generic()).isEqualTo("bupivacaine/lidocaine");
        assertThat(lidocaineLast.strength()).isEqualTo("5%/2%");

        assertThat(normalize("Capsaicin/Ketoprofen cream 0.0375%/20% 240gm #1").name()).isEqualTo("Capsaicin/Ketoprofen");
        assertThat(normalize("Flurbiprofen/Baclofen cream 20%/5% 120gm").name()).isEqualTo("Flurbiprofen/Baclofen");
        assertThat(normalize("Compounded ketoprofen cream").name()).isEqualTo("ketoprofen");
    }

    @Test
    void twoDrugsWithoutPercentagesAreNotACompound() {
        Treatment treatment = normalize("Norco 10/325mg #60 and Soma 350mg #30");

        assertThat(treatment.category()).isEqualTo(Category.OPIOID);
        assertThat(treatment.strength()).isEqualTo("10/325mg");
    }

    @Test
    void aDrugWithAPercentageStrengthIsTopical() {
        Treatment diclofenac = normalize("Diclofenac sodium 3% 300mg/g #1");
        assertThat(diclofenac.category()).isEqualTo(Category.TOPICAL_ANALGESIC);
        assertThat(diclofenac.generic()).isEqualTo("diclofenac");
        assertThat(diclofenac.strength()).isEqualTo("3%");

        Treatment ketoprofen = normalize("Ketoprofen 20% cream");
        assertThat(ketoprofen.category()).isEqualTo(Category.TOPICAL_ANALGESIC);
        assertThat(ketoprofen.generic()).isEqualTo("ketoprofen");

        assertThat(normalize("Diclofenac 75mg").category()).isEqualTo(Category.NSAID);
    }

    @ParameterizedTest(name = "{0}: strength {1}, quantity {2}, sessions {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Norco 10/325mg #60                                    | 10/325mg          | 60   | null
            Norco 10-325mg # 120                                  | 10-325mg          | 120  | null
            Percocet 10/325 #90                                   | 10/325            | 90   | null
            Post-op Percocet 5/325mg                              | 5/325mg           | null | null
            Cyclobenzaprine 7.5mg #60                             | 7.5mg             | 60   | null
            Methocarbamol 500mg every 4-6 hours as needed #60     | 500mg             | 60   | null
            Norco 5/325mg oral tablet, one tablet twice daily 14 days #40 | 5/325mg   | 40   | null
            Soma 350 mg #30                                       | 350 mg            | 30   | null
            Lidocaine 5% patch #1                                 | 5%                | 1    | null
            Trezix capsule 320.5/30/16mg                          | 320.5/30/16mg     | null | null
            Retrospective Lidopro 4%-27.5%-0.0325% 121gm #1       | 4%-27.5%-0.0325%  | 1    | null
            Fanatrex 25mg/ml oral suspension 420ml                | 25mg/ml           | null | null
            Deprizine oral suspension, 250ml                      | null              | null | null
            Lidopro ointment 121gm #1                             | null              | 1    | null
            Voltaren gel 100gm                                    | null              | null | null
            Voltaren gel 1% 100gm #2                              | 1%                | 2    | null
            Keflex 1g #20                                         | 1g                | 20   | null
            Meclizine 12.5mg #30                                  | 12.5mg            | 30   | null
            Capsaicin/Ketoprofen/Flurbiprofen cream 0.025%/20%/25% 240gm | 0.025%/20%/25% | null | null
            Compounded Tramadol/Menthol/Gabapentin cream 10%/2%/6% 120gm #1 | 10%/2%/6% | 1 | null
            Flurbiprofen 20%, Lidocaine 5% cream 120gm #1         | null              | 1    | null
            Compounded cream 120gm                                | null              | null | null
            Vitamin D 50,000 IU                                   | 50,000 IU         | null | null
            Ultram 50 #60                                         | null              | 60   | null
            Tylenol #3 #60                                        | null              | 60   | null
            Retrospective for date of serve 10/7/14 Xanax 1mg #60 | 1mg               | 60   | null
            Norco DOS 10/7/14                                     | null              | null | null
            Physical therapy x 12                                 | null              | null | 12
            Physical therapy x12                                  | null              | null | 12
            Physical therapy times 12 sessions                    | null              | null | 12
            Associated surgical service: Physical therapy, times 12 | null            | null | 12
            Physical therapy 6 sessions                           | null              | null | 6
            Occupational therapy for six sessions                 | null              | null | 6
            Four sessions of physical therapy two times a week times 2 weeks | null   | null | 4
            Nine sessions of physical therapy of the right knee   | null              | null | 9
            Six physical therapy visits for the lumbar            | null              | null | 6
            Twelve manual acupuncture visits (15 mins), 2 times weekly for 6 weeks | null | null | 12
            Physical therapy twenty-four sessions                 | null              | null | 24
            Physical therapy 2 times a week for 6 weeks           | null              | null | 12
            Physical therapy 3 times a week for 2 weeks           | null              | null | 6
            Additional physical therapy three times a week over two weeks | null      | null | 6
            Six sessions of acupuncture one time a week for six weeks | null          | null | 6
            Physical therapy twice a week for 4 weeks             | null              | null | 8
            Physical therapy 2 sessions per week for 6 weeks      | null              | null | 12
            Physical therapy 2x/week x 6 weeks                    | null              | null | 12
            Physical therapy 2x6                                  | null              | null | 12
            Spinal manipulation 1 times 8                         | null              | null | 8
            Physical exam 2 times 8                               | null              | null | 16
            Physical therapy 6 sessions 2 times a week for 3 weeks to the lumbar and cervical spine | null | null | 6
            Physical therapy two times a week for six weeks (12 sessions) | null      | null | 12
            two physical therapy sessions for the lumbar spine and eight physical therapy sessions for the left wrist | null | null | 10
            Physical therapy 2-3 times a week for 6 weeks         | null              | null | null
            Initial acupuncture, 1 to 2 times per week for 4 weeks, for the neck | null | null | null
            Post-op physical therapy 12-18 sessions               | null              | null | null
            Twelve physical therapy sessions, three times weekly, for the right elbow | null | null | 12
            Chiropractic therapy sessions for the cervical spine, #8 | null           | 8    | 8
            Acupuncture #6                                        | null              | 6    | 6
            Psychotherapy #6                                      | null              | 6    | 6
            TENS unit, daily trial, cervical and thoracic spine, #30 | null           | 30   | null
            Wrist braces #2                                       | null              | 2    | null
            MRI of the thoracic spine without contrast, #1        | null              | 1    | null
            Associated surgical service: Vascutherm unit, 14 days rental | null       | null | null
            Post-op cold therapy unit rental x 7 days             | null              | null | null
            Gym membership x 12 months                            | null              | null | null
            Physical therapy for 2 months                         | null              | null | null
            MRI of the lumbar spine                               | null              | null | null
            """)
    void numbersAreReadFromTheRequest(String request, String strength, Integer quantity, Integer sessions) {
        Treatment treatment = normalize(request);

        assertThat(treatment.strength()).as("strength").isEqualTo(strength);
        assertThat(treatment.quantity()).as("quantity").isEqualTo(quantity);
        assertThat(treatment.sessions()).as("sessions").isEqualTo(sessions);
    }

    @Test
    void spanPointsAtTheNameInTheLetter() {
        String letter = "IMR ISSUES, DECISIONS AND RATIONALES\nPost-op Percocet 5/325mg: Upheld\n";
        String request = "Post-op Percocet 5/325mg";
        int requestStart = letter.indexOf(request);

        Treatment treatment = normalizer.normalize(request, requestStart);

        assertThat(treatment.span()).isEqualTo(new Span(requestStart + 8, requestStart + 16));
        assertThat(treatment.span().of(letter)).isEqualTo("Percocet").isEqualTo(treatment.name());
    }

    @Test
    void compoundSpanCoversTheIngredients() {
        String letter = "x\nOne container of Flurbiprofen 10%, Lidocaine 5%: Upheld";
        String request = "One container of Flurbiprofen 10%, Lidocaine 5%";

        Treatment treatment = normalizer.normalize(request, 2);

        assertThat(treatment.span().of(letter)).isEqualTo("Flurbiprofen 10%, Lidocaine").isEqualTo(treatment.name());
    }

    @Test
    void negativeRequestStartGivesNoSpanButStillAName() {
        Treatment treatment = normalizer.normalize("Norco 10/325mg", -1);

        assertThat(treatment.name()).isEqualTo("Norco");
        assertThat(treatment.span()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n", "Hygiene", "Interpreter services", "???", "#", "x", "1234567890123",
            "Norcott 10mg", "12/07/2016"})
    void unrecognisedRequestIsOtherWithoutName(String request) {
        Treatment treatment = normalize(request);

        assertThat(treatment.category()).isEqualTo(Category.OTHER);
        assertThat(treatment.name()).isNull();
        assertThat(treatment.span()).isNull();
        assertThat(treatment.generic()).isNull();
        assertThat(treatment.strength()).isNull();
    }

    @Test
    void unrecognisedRequestStillKeepsItsNumbers() {
        Treatment treatment = normalize("Interpreter services x 6 #6");

        assertThat(treatment.category()).isEqualTo(Category.OTHER);
        assertThat(treatment.quantity()).isEqualTo(6);
        assertThat(treatment.sessions()).isEqualTo(6);
    }

    @Test
    void rulesComeFromTheLexiconNotFromTheCode() {
        TreatmentLexicon lexicon = TreatmentLexicon.load(new StringReader("""
                pattern\tgeneric\tcategory\tpriority
                Wonderdrug|WD-40\twonderine\tOPIOID
                gizmo\t\tDME
                checkup\t\tEVALUATION\t-5
                """));
        TreatmentNormalizer custom = new TreatmentNormalizer(lexicon);

        Treatment drug = custom.normalize("Retrospective WD 40 7.5mg #20", 0);
        assertThat(drug.name()).isEqualTo("WD 40");
        assertThat(drug.generic()).isEqualTo("wonderine");
        assertThat(drug.category()).isEqualTo(Category.OPIOID);
        assertThat(drug.strength()).isEqualTo("7.5mg");
        assertThat(drug.quantity()).isEqualTo(20);

        assertThat(custom.normalize("Checkup for the gizmo", 0).category()).isEqualTo(Category.DME);
        assertThat(custom.normalize("Norco 10/325mg", 0).category()).isEqualTo(Category.OTHER);
    }

    @Property(tries = 2000)
    void neverThrowsAndSpanAlwaysMatchesName(@ForAll String request, @ForAll int requestStart) {
        Treatment treatment = normalizer.normalize(request, requestStart);

        assertThat(treatment.category()).isNotNull();
        if (treatment.span() != null) {
            assertThat(treatment.span().shift(-requestStart).of(request)).isEqualTo(treatment.name());
        }
    }

    @Property(tries = 1000)
    void neverThrowsOnRequestLikeText(@ForAll("requestLike") String request) {
        Treatment treatment = normalizer.normalize(request, 0);

        assertThat(treatment.category()).isNotNull();
        if (treatment.name() != null) {
            assertThat(treatment.span().of(request)).isEqualTo(treatment.name());
        }
    }

    @Provide
    Arbitrary<String> requestLike() {
        Arbitrary<String> tokens = Arbitraries.of("Norco", "10/325mg", "#60", "x",
                "times", "2", "twenty-four", "sessions", "a week", "for", "6 weeks", "%", "5%", "MRI", "post-op",
                "compound", "Tylenol", "#3", "-", "/", ",", "Lidocaine", "Flurbiprofen 10%", "12-18", "to", "once",
                "physical therapy", "x 12", "2x6", "1 times 8", "ultrasound of", "", " ");
        return tokens.list().ofMaxSize(12).map(list -> String.join(" ", list));
    }
}
