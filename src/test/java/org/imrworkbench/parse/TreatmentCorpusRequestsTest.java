package org.imrworkbench.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.Treatment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every distinct disputed-item request of the 65 development letters and the 5 seed letters (161 requests,
 * collected from the lines ending in ": Upheld" / ": Overturned", and from the disputed portion of partial
 * authorisations), with the category and name the bundled lexicon must give. The requests are copied here
 * so the test does not depend on the letters being present.
 */
class TreatmentCorpusRequestsTest {

    private final TreatmentNormalizer normalizer = new TreatmentNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MRI of the right shoulder without contrast | IMAGING | MRI
            MRI of the cervical spine without contrast | IMAGING | MRI
            Cervical spine MRI without contrast | IMAGING | MRI
            MRI of neck and right hand without contrast | IMAGING | MRI
            Acupuncture 3 times a week for 2 weeks, neck, right hand and head | ACUPUNCTURE | Acupuncture
            Physical exam 2 times 8 | EVALUATION | Physical exam
            Spinal manipulation 1 times 8 | CHIROPRACTIC | Spinal manipulation
            Electrical stimulation 1 times 8 | ELECTRICAL_STIMULATION | Electrical stimulation
            Ultrasound 1 times 8 | PHYSICAL_THERAPY | Ultrasound
            Initial exam | EVALUATION | Initial exam
            Norflex 100mg #60 | MUSCLE_RELAXANT | Norflex
            Pepcid 20mg | OTHER_MEDICATION | Pepcid
            X-ray of the pelvis | IMAGING | X-ray
            X-rays of the lumbar spine | IMAGING | X-rays
            X-rays of the left shoulder | IMAGING | X-rays
            Physical therapy 2-3 times a week for 6 weeks | PHYSICAL_THERAPY | Physical therapy
            Norco 10/325mg #35 | OPIOID | Norco
            Four sessions of physical therapy two times a week times 2 weeks | PHYSICAL_THERAPY | physical therapy
            Four sessions of electrical stimulation two times a week times 2 weeks | ELECTRICAL_STIMULATION | electrical stimulation
            Four sessions of infrared therapy two times a week times 2 weeks | PHYSICAL_THERAPY | infrared therapy
            Four sessions of manual therapy two times a week times 2 weeks | PHYSICAL_THERAPY | manual therapy
            Four sessions of therapeutic exercise two times a week times 2 weeks | PHYSICAL_THERAPY | therapeutic exercise
            Four sessions of biofeedback two times a week times 2 weeks | PSYCHOLOGICAL | biofeedback
            Cervical CT scan | IMAGING | CT scan
            CT scan of the thoracic spine | IMAGING | CT scan
            TOC to ortho spine surgeon eval and treatment | EVALUATION | TOC
            Cyclobenzaprine 7.5mg #60 | MUSCLE_RELAXANT | Cyclobenzaprine
            MRI of the left shoulder | IMAGING | MRI
            Occupational therapy for six sessions | PHYSICAL_THERAPY | Occupational therapy
            MRI cervical spine without contrast | IMAGING | MRI
            MRI of the lumbar without contrast | IMAGING | MRI
            Three sessions of physical therapy of the right knee | PHYSICAL_THERAPY | physical therapy
            X-Ray of the lumbar spine | IMAGING | X-Ray
            MRI of the left hip | IMAGING | MRI
            Additional physical therapy lumbar spine two times a week for three weeks | PHYSICAL_THERAPY | physical therapy
            MRI of lumbar spine without contrast | IMAGING | MRI
            Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis | SURGERY | arthroscopy
            Associated surgical service: Physical therapy, times 12 | PHYSICAL_THERAPY | Physical therapy
            Associated surgical service: Cold therapy for one week | DME | Cold therapy
            Associated surgical service: Slingshot sling | DME | Slingshot
            Post-op Percocet 5/325mg | OPIOID | Percocet
            Post-op Zofran | OTHER_MEDICATION | Zofran
            MRI of the lumbar spine without contrast | IMAGING | MRI
            Chiropractic therapy sessions for the cervical spine, #2 | CHIROPRACTIC | Chiropractic therapy
            Spine surgery evaluation for the lumbar | EVALUATION | evaluation
            Orphenadrine Citrate ER 100mg tabs #30 | MUSCLE_RELAXANT | Orphenadrine Citrate
            Lidocaine 5% patch #1 | TOPICAL_ANALGESIC | Lidocaine
            Norco 5/325mg oral tablet, one tablet twice daily 14 days #40 | OPIOID | Norco
            Retrospective Cyclobenzaprine 5mg tab #30 DOS: 11/14/16 | MUSCLE_RELAXANT | Cyclobenzaprine
            TENS unit | ELECTRICAL_STIMULATION | TENS unit
            Lumbar support | DME | Lumbar support
            Cervical pillow | DME | Cervical pillow
            Wedge pillow | DME | Wedge pillow
            Wrist braces #2 | DME | braces
            Elbow braces #2 | DME | braces
            Pantoprazole 40mg, one by mouth, twice a day #60 with one refill | PROTON_PUMP_INHIBITOR | Pantoprazole
            standard wheelchair for a 2 month rental | DME | wheelchair
            purchase of a bedside 3 in 1 commode | DME | 3 in 1 commode
            purchase of a bath/shower chair | DME | bath/shower chair
            EMG/NCV of the bilateral upper extremities | ELECTRODIAGNOSTIC | EMG/NCV
            EMG/NCV of the bilateral lower extremities | ELECTRODIAGNOSTIC | EMG/NCV
            Partial Hospitalization day treatment | PROGRAM | Partial Hospitalization
            two physical therapy sessions for the lumbar spine, left shoulder and left knee and eight physical therapy sessions for the left wrist | PHYSICAL_THERAPY | physical therapy
            two occupational therapy sessions for the left wrist and eight occupational therapy sessions for the lumbar spine, left shoulder and left knee | PHYSICAL_THERAPY | occupational therapy
            Physical therapy 6 sessions 2 times a week for 3 weeks to the lumbar and cervical spine | PHYSICAL_THERAPY | Physical therapy
            Chiropractic treatment for cervical and lumbar spine, left wrist/hand, 3 times a week for 4 weeks | CHIROPRACTIC | Chiropractic treatment
            EMG/NCS of the bilateral upper extremities | ELECTRODIAGNOSTIC | EMG/NCS
            MRI of the cervical spine | IMAGING | MRI
            MRI of the lumbar spine | IMAGING | MRI
            MRI of the left wrist | IMAGING | MRI
            MRI for the cervical spine | IMAGING | MRI
            NCV/EMG of the bilateral upper extremity | ELECTRODIAGNOSTIC | NCV/EMG
            MRI of the neck without contrast | IMAGING | MRI
            1 platelet rich plasma injection to left foot | INJECTION | platelet rich plasma
            1 knee scooter | DME | knee scooter
            MRI (magnetic resonance imaging) of the lumbar spine | IMAGING | MRI
            Right L4 transforaminal epidural steroid injection under fluoroscopic guidance | INJECTION | transforaminal epidural steroid injection
            Right L5 transforaminal epidural steroid injection under fluoroscopic guidance | INJECTION | transforaminal epidural steroid injection
            Retrospective CT scan of the cervical spine (DOS 11/18/16) | IMAGING | CT scan
            Functional capacity evaluation | EVALUATION | Functional capacity evaluation
            Six sessions of acupuncture one time a week for six weeks | ACUPUNCTURE | acupuncture
            Diclofenac sodium 3% 300mg/g #1 | TOPICAL_ANALGESIC | Diclofenac sodium
            Lidocaine ointment 5% #1 | TOPICAL_ANALGESIC | Lidocaine ointment
            Physical therapy 6 sessions | PHYSICAL_THERAPY | Physical therapy
            Large gloves | DME | gloves
            Hygiene wipes | DME | Hygiene wipes
            PT/OT 18 sessions left hand, right lower leg | PHYSICAL_THERAPY | PT/OT
            One container of Flurbiprofen 10%, Cyclobenzaprine 3%, Gabapentin 6%, Lidocaine 5%/Dextromethorphan | COMPOUND | Flurbiprofen 10%, Cyclobenzaprine 3%, Gabapentin 6%, Lidocaine 5%/Dextromethorphan
            one month supply of Trezix capsule 30.5/30/16mg | OPIOID | Trezix
            Twelve physical therapy sessions, three times weekly, for the right elbow | PHYSICAL_THERAPY | physical therapy
            MRI (magnetic resonance imaging) of the cervical spine | IMAGING | MRI
            Twelve infrared acupuncture visits, 2 times weekly for 6 weeks | ACUPUNCTURE | acupuncture
            Twelve manual acupuncture visits (15 mins), 2 times weekly for 6 weeks | ACUPUNCTURE | acupuncture
            Twelve elect acupuncture visits (15 mins), 2 times weekly for 6 weeks | ACUPUNCTURE | acupuncture
            Twelve acupuncture visits with Capsaicin patch, 2 times weekly for 6 weeks | ACUPUNCTURE | acupuncture
            Extracorporeal shockwave therapy (ESWT) | PHYSICAL_THERAPY | Extracorporeal shockwave therapy
            Trigger points impedance imaging (TPII) | IMAGING | impedance imaging
            Localized intense neurostimulation therapy [following TPII] | ELECTRICAL_STIMULATION | Localized intense neurostimulation therapy
            Open MRI of the lumbosacral spine | IMAGING | Open MRI
            Sit-stand workstation | DME | Sit-stand workstation
            Magnetic resonance imaging (MRI) of the right shoulder | IMAGING | Magnetic resonance imaging
            Retrospective Cyclobenzaprine 7.5mg #18, per 12/07/2016 order | MUSCLE_RELAXANT | Cyclobenzaprine
            Retrospective Famotidine 20mg #60, per 12/07/2016 order | OTHER_MEDICATION | Famotidine
            Retrospective Lidopro 4%-27.5%-0.0325% 121gm #1, per 12/07/2016 order | TOPICAL_ANALGESIC | Lidopro
            Retrospective TENS unit, purchase, lumbar spine, left hip, lower leg, and knee (DOS 12/29/16) | ELECTRICAL_STIMULATION | TENS unit
            Retrospective E-stim (DOS 12/29/16) | ELECTRICAL_STIMULATION | E-stim
            Physical therapy three times a week for two weeks for the cervical, thoracic, and lumbar | PHYSICAL_THERAPY | Physical therapy
            Initial acupuncture, 1 to 2 times per week for 4 weeks, for the neck | ACUPUNCTURE | acupuncture
            Additional physical therapy, 1 to 2 times per week for 3 weeks, for the neck | PHYSICAL_THERAPY | physical therapy
            Cervical spine x-rays | IMAGING | x-rays
            Lumbar spine x-rays | IMAGING | x-rays
            CT scan of the cervical spine | IMAGING | CT scan
            Acupuncture of the lumbar and cervical for two sessions | ACUPUNCTURE | Acupuncture
            Twelve sessions of physical therapy for the right shoulder, right wrist and right hand, three times a week for four weeks | PHYSICAL_THERAPY | physical therapy
            Additional physical therapy three times a week over two weeks | PHYSICAL_THERAPY | physical therapy
            Celecoxib 200mg #90 | NSAID | Celecoxib
            Fanatrex 25mg/ml oral suspension 420ml | COMPOUND | Fanatrex
            Dicopanol 5mg/ml oral suspension, 150ml | COMPOUND | Dicopanol
            Deprizine 15mg/ml oral suspension, 250ml | COMPOUND | Deprizine
            Tabradol 1mg/ml oral suspension, 250ml | COMPOUND | Tabradol
            Operative arthroscopy, superior labral anterior posterior repair, right shoulder | SURGERY | arthroscopy
            Associated surgical service: Ultrasling | DME | Ultrasling
            Associated surgical service: Vascutherm unit, 14 days rental | DME | Vascutherm unit
            Associated surgical service: Hip pad | DME | Hip pad
            Associated surgical service: 2 leg wraps | DME | leg wraps
            Associated surgical service: EMS/TENS unit | ELECTRICAL_STIMULATION | EMS/TENS unit
            Associated surgical service: Medical clearance | SURGERY | Medical clearance
            Associated surgical service: EKG | LAB | EKG
            Associated surgical service: Chest x-ray | IMAGING | x-ray
            Associated surgical service: Labs - CBC | LAB | Labs
            Associated surgical service: Labs - PT/PTT | LAB | Labs
            Associated surgical service: UA | LAB | UA
            Associated surgical service: Labs - Chem panel | LAB | Labs
            Post-op physical therapy 12-18 sessions | PHYSICAL_THERAPY | physical therapy
            Assistant surgeon | SURGERY | Assistant surgeon
            Physical therapy 2 times a week for 6 weeks bilateral shoulder, elbow and wrist | PHYSICAL_THERAPY | Physical therapy
            Chiro with modalities 2 times a week for 6 weeks for neck, back | CHIROPRACTIC | Chiro
            Physical therapy, 2 times a week for 4 weeks, right knee | PHYSICAL_THERAPY | Physical therapy
            Arthroscopy of the left knee | SURGERY | Arthroscopy
            Pre-op Clearance | SURGERY | Pre-op Clearance
            Motrin 600mg #40 | NSAID | Motrin
            Physical therapy 3 times a week for 4 weeks for the lumbar spine and left shoulder | PHYSICAL_THERAPY | Physical therapy
            TENS unit, daily trial, cervical and thoracic spine, #30 | ELECTRICAL_STIMULATION | TENS unit
            MRI of the thoracic spine without contrast, #1 | IMAGING | MRI
            MRI Lumbosacral Spine without Contrast | IMAGING | MRI
            Six physical therapy sessions two times a week for three weeks for the neck, left trapezius and low back | PHYSICAL_THERAPY | physical therapy
            MRI of the right knee without contrast | IMAGING | MRI
            Six physical therapy visits for the lumbar | PHYSICAL_THERAPY | physical therapy
            EMG of the right upper extremity | ELECTRODIAGNOSTIC | EMG
            MRI of the right foot | IMAGING | MRI
            Methocarbamol 500mg every 4-6 hours as needed #60 | MUSCLE_RELAXANT | Methocarbamol
            Flexeril 10mg #60 | MUSCLE_RELAXANT | Flexeril
            Physical therapy times 12 sessions | PHYSICAL_THERAPY | Physical therapy
            Norco 10/325mg #120 DOS: 8/4/15 | OPIOID | Norco
            Methocarbamol 500mg #60 DOS: 8/4/15 | MUSCLE_RELAXANT | Methocarbamol
            Physical therapy x 12 | PHYSICAL_THERAPY | Physical therapy
            Soma 350mg #60 | MUSCLE_RELAXANT | Soma
            Valium 5mg #30 | BENZODIAZEPINE | Valium
            Retrospective for date of serve 10/7/14 Cyclobenzaprine #60 | MUSCLE_RELAXANT | Cyclobenzaprine
            Retrospective for date of serve 10/7/14 Tylenol 4 #90 | OPIOID | Tylenol 4
            Retrospective for date of serve 10/7/14 Xanax 1mg #60 | BENZODIAZEPINE | Xanax
            """)
    void realRequestGetsItsCategoryAndName(String request, Category category, String name) {
        Treatment treatment = normalizer.normalize(request, 0);

        assertThat(treatment.category()).isEqualTo(category);
        assertThat(treatment.name()).isEqualTo(name);
        assertThat(treatment.span().of(request)).isEqualTo(name);
        assertThat(treatment.generic() == null).isEqualTo(!category.isMedication());
    }
}
